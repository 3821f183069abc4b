import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanWorkspace } from '../../../src/core/scan/scan-workspace';
import { nodeFileSystem } from '../../../src/node/node-file-system';
import { makeTempTree } from '../../support/temp-dir';

describe('scanWorkspace › with several env files', () => {
  let cleanup: () => Promise<void> = async () => {};
  afterEach(() => cleanup());

  it('records each value where it is written, so a pin edits the file that sets it', async () => {
    const tree = await makeTempTree({
      'compose.yaml': 'services:\n  web:\n    image: ${IMG}\n  api:\n    image: ${API}\n',
      'a.env': 'IMG=nginx:1\nAPI=redis:7\n',
      'b.env': 'IMG=nginx:2\n',
    });
    cleanup = tree.remove;
    const envFiles = [join(tree.root, 'a.env'), join(tree.root, 'b.env')];
    const scan = await scanWorkspace(nodeFileSystem, [tree.root], { environment: {}, envFiles });
    const originOf = (service: string) => scan.references.find((r) => r.service === service)?.variables?.[0];
    expect(originOf('web')).toMatchObject({ name: 'IMG', source: 'dotenv', file: envFiles[1] });
    expect(originOf('api')).toMatchObject({ name: 'API', source: 'dotenv', file: envFiles[0] });
    expect(scan.references.map((r) => r.expanded)).toEqual(['nginx:2', 'redis:7']);
  });

  it('reports a missing env file and scans on', async () => {
    const tree = await makeTempTree({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n' });
    cleanup = tree.remove;
    const missing = join(tree.root, 'gone.env');
    const scan = await scanWorkspace(nodeFileSystem, [tree.root], { envFiles: [missing] });
    expect(scan.errors.map((e) => e.file)).toEqual([missing]);
    expect(scan.references.map((r) => r.expanded)).toEqual(['nginx']);
  });
});
