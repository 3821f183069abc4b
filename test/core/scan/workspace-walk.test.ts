import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkWorkspace } from '../../../src/core/scan/workspace-walk';
import { nodeFileSystem } from '../../../src/node/node-file-system';
import { useTempTrees } from '../../support/temp-dir';

describe('walkWorkspace', () => {
  const makeTempTree = useTempTrees();

  async function tree(files: Record<string, string>) {
    const made = await makeTempTree(files);
    return made.root;
  }

  it('finds Dockerfiles and compose files and skips VCS and dependency folders', async () => {
    const root = await tree({
      Dockerfile: 'FROM a',
      'svc/api.Dockerfile': 'FROM b',
      'compose.yaml': 'services: {}',
      'notes.md': '',
      '.git/Dockerfile': 'FROM c',
      'node_modules/pkg/Dockerfile': 'FROM d',
    });
    const { files, problems } = await walkWorkspace(nodeFileSystem, [root]);
    expect(files.map((f) => [f.path.slice(root.length + 1), f.kind])).toEqual([
      ['Dockerfile', 'dockerfile'],
      ['compose.yaml', 'compose'],
      ['svc/api.Dockerfile', 'dockerfile'],
    ]);
    expect(problems).toEqual([]);
  });

  it('respects .gitignore files, nested ones relative to their folder', async () => {
    const root = await tree({
      '.gitignore': 'build/\n*.generated.Dockerfile\n',
      'build/Dockerfile': 'FROM a',
      'x.generated.Dockerfile': 'FROM a',
      'app/.gitignore': 'old/\n!keep.Dockerfile\n',
      'app/old/Dockerfile': 'FROM a',
      'app/Dockerfile': 'FROM a',
    });
    const { files } = await walkWorkspace(nodeFileSystem, [root]);
    expect(files.map((f) => f.path.slice(root.length + 1))).toEqual(['app/Dockerfile']);
  });

  it('takes a file named explicitly whatever its name, and reports a path that does not exist', async () => {
    const root = await tree({ 'recipes/build-this': 'FROM a', 'stack.prod.yml': 'services: {}' });
    const missing = join(root, 'nope');
    const { files, problems } = await walkWorkspace(nodeFileSystem, [
      join(root, 'recipes/build-this'),
      join(root, 'stack.prod.yml'),
      missing,
    ]);
    expect(files.map((f) => f.kind)).toEqual(['dockerfile', 'compose']);
    expect(problems).toEqual([{ path: missing, message: 'no such file or directory' }]);
  });

  it('does not follow symlinked folders, so a link loop cannot trap it', async () => {
    const root = await tree({ 'a/Dockerfile': 'FROM a' });
    await symlink(root, join(root, 'a/loop'));
    const { files } = await walkWorkspace(nodeFileSystem, [root]);
    expect(files).toHaveLength(1);
  });
});
