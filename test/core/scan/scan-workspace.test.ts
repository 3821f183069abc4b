import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanWorkspace } from '../../../src/core/scan/scan-workspace';
import { nodeFileSystem } from '../../../src/node/node-file-system';
import { useTempTrees } from '../../support/temp-dir';

describe('scanWorkspace › with several env files', () => {
  const makeTempTree = useTempTrees();

  it('records each value where it is written, so a pin edits the file that sets it', async () => {
    const tree = await makeTempTree({
      'compose.yaml': 'services:\n  web:\n    image: ${IMG}\n  api:\n    image: ${API}\n',
      'a.env': 'IMG=nginx:1\nAPI=redis:7\n',
      'b.env': 'IMG=nginx:2\n',
    });
    const envFiles = [join(tree.root, 'a.env'), join(tree.root, 'b.env')];
    const scan = await scanWorkspace(nodeFileSystem, [tree.root], { environment: {}, envFiles });
    const originOf = (service: string) => scan.references.find((r) => r.service === service)?.variables?.[0];
    expect(originOf('web')).toMatchObject({ name: 'IMG', source: 'dotenv', file: envFiles[1] });
    expect(originOf('api')).toMatchObject({ name: 'API', source: 'dotenv', file: envFiles[0] });
    expect(scan.references.map((r) => r.expanded)).toEqual(['nginx:2', 'redis:7']);
  });

  it('reports a missing env file and scans on', async () => {
    const tree = await makeTempTree({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n' });
    const missing = join(tree.root, 'gone.env');
    const scan = await scanWorkspace(nodeFileSystem, [tree.root], { envFiles: [missing] });
    expect(scan.errors.map((e) => e.file)).toEqual([missing]);
    expect(scan.references.map((r) => r.expanded)).toEqual(['nginx']);
  });
});

describe('scanWorkspace › with compose include and extends', () => {
  const makeTempTree = useTempTrees();

  async function scanTree(files: Record<string, string>) {
    const tree = await makeTempTree(files);
    const scan = await scanWorkspace(nodeFileSystem, [tree.root], { environment: {} });
    const relative = (file: string) => file.slice(tree.root.length + 1);
    return {
      refs: scan.references.map((r) => [relative(r.file), r.service, r.expanded]),
      errors: scan.errors.map((e) => [relative(e.file), e.line, e.message]),
    };
  }

  it('scans included files of any name with their own project .env, and files services extend', async () => {
    const { refs, errors } = await scanTree({
      'compose.yaml': [
        'include:',
        '  - infra/db.yml',
        '  - path: [tools/a.yml, tools/b.yml]',
        '    env_file: tools/tools.env',
        'services:',
        '  web:',
        '    extends: { file: base/common.yml, service: app }',
      ].join('\n'),
      '.env': 'APP_TAG=3\n',
      'infra/db.yml': 'services:\n  db:\n    image: postgres:${PG}\n',
      'infra/.env': 'PG=16\n',
      'tools/a.yml': 'services:\n  a:\n    image: busybox:${T}\n',
      'tools/b.yml': 'services:\n  b:\n    image: alpine:${T}\n',
      'tools/tools.env': 'T=1\n',
      'base/common.yml': 'services:\n  app:\n    image: node:${APP_TAG}\n',
    });
    expect(errors).toEqual([]);
    expect(refs).toEqual([
      ['base/common.yml', 'app', 'node:3'],
      ['infra/db.yml', 'db', 'postgres:16'],
      ['tools/a.yml', 'a', 'busybox:1'],
      ['tools/b.yml', 'b', 'alpine:1'],
    ]);
  });

  it('ends include cycles and reports a missing file where it is named', async () => {
    const { refs, errors } = await scanTree({
      'compose.yaml': 'include:\n  - other.yml\n  - gone.yml\nservices:\n  web:\n    image: nginx\n',
      'other.yml': 'include:\n  - compose.yaml\nservices:\n  api:\n    image: redis\n',
    });
    expect(refs).toEqual([
      ['compose.yaml', 'web', 'nginx'],
      ['other.yml', 'api', 'redis'],
    ]);
    expect(errors).toEqual([['compose.yaml', 3, 'include: no such file: gone.yml']]);
  });

  it('reports an include that is not a list, or an entry without a path, and scans the services', async () => {
    const bad = await scanTree({ 'compose.yaml': 'include: x.yml\nservices:\n  web:\n    image: nginx\n' });
    expect(bad.errors).toEqual([['compose.yaml', 1, 'include must be a list']]);
    expect(bad.refs).toEqual([['compose.yaml', 'web', 'nginx']]);
    const noPath = await scanTree({ 'compose.yaml': 'include:\n  - env_file: a.env\n' });
    expect(noPath.errors).toEqual([['compose.yaml', 2, 'include entries must have a path']]);
  });

  it('accepts a file with only an include', async () => {
    const { refs, errors } = await scanTree({
      'compose.yaml': 'include:\n  - app.yml\n',
      'app.yml': 'services:\n  web:\n    image: nginx\n',
    });
    expect(errors).toEqual([]);
    expect(refs).toEqual([['app.yml', 'web', 'nginx']]);
  });
});
