import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFileEdits } from '../../../src/core/pin/apply-file-edits';
import { nodeFileSystem } from '../../../src/node/node-file-system';
import { useTempTrees } from '../../support/temp-dir';

const edit = { range: { line: 1, column: 6, endLine: 1, endColumn: 7 }, expected: 'a', newText: 'a@sha256:1' };

describe('applyFileEdits', () => {
  const makeTempTree = useTempTrees();

  async function file(content: string) {
    const tree = await makeTempTree({ Dockerfile: content });
    return { path: join(tree.root, 'Dockerfile'), root: tree.root };
  }

  it('writes the edited text and keeps a byte-order mark and CRLF line endings', async () => {
    const { path, root } = await file('\uFEFFFROM a\r\nRUN x\r\n');
    await applyFileEdits(nodeFileSystem, path, 'FROM a\r\nRUN x\r\n', [edit], 1 << 20);
    expect(await readFile(path, 'utf8')).toBe('\uFEFFFROM a@sha256:1\r\nRUN x\r\n');
    expect(await readdir(root)).toEqual(['Dockerfile']);
  });

  it('does not overwrite a file that changed since it was scanned', async () => {
    const { path } = await file('FROM a\n');
    await writeFile(path, 'FROM a\nRUN edited-meanwhile\n');
    await expect(applyFileEdits(nodeFileSystem, path, 'FROM a\n', [edit], 1 << 20)).rejects.toMatchObject({
      code: 'PIN_FILE_CHANGED',
    });
    expect(await readFile(path, 'utf8')).toBe('FROM a\nRUN edited-meanwhile\n');
  });
});
