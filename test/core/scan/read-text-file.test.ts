import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextFile } from '../../../src/core/scan/read-text-file';
import { nodeFileSystem } from '../../../src/node/node-file-system';
import { useTempTrees } from '../../support/temp-dir';

describe('readTextFile', () => {
  const makeTempTree = useTempTrees();

  async function file(content: string | Uint8Array) {
    const made = await makeTempTree({ f: content });
    return join(made.root, 'f');
  }

  it('decodes UTF-8 and drops a byte-order mark', async () => {
    const path = await file(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('FROM émoji')]));
    expect(await readTextFile(nodeFileSystem, path, 100)).toEqual({ ok: true, text: 'FROM émoji' });
  });

  it('refuses a binary file', async () => {
    const path = await file(new Uint8Array([0x46, 0x00, 0x01]));
    expect(await readTextFile(nodeFileSystem, path, 100)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/binary/),
    });
  });

  it('refuses a file over the size cap without reading all of it', async () => {
    const path = await file('x'.repeat(1000));
    expect(await readTextFile(nodeFileSystem, path, 999)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/larger/),
    });
    expect(await readTextFile(nodeFileSystem, path, 1000)).toMatchObject({ ok: true });
  });

  it('reports a file it cannot read with the system error code', async () => {
    expect(await readTextFile(nodeFileSystem, '/nonexistent/image-trust', 10)).toEqual({
      ok: false,
      message: 'cannot read file: ENOENT',
    });
  });
});
