import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findFreePort } from '../test/rig/free-port';
import { startProcess } from '../test/rig/processes';
import { waitUntilServing } from '../test/rig/readiness';
import { buildRegistryConfig } from '../test/rig/registry-config';

/**
 * The rig's docker-registry (distribution 2.8, plain HTTP), with filesystem storage instead of the rig's
 * in-memory one: distribution's in-memory driver copies the upload on every append, which takes minutes for a
 * 256 MB layer, and a real registry serves layers from disk or object storage anyway.
 */
export async function startDiskRegistry(dir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await findFreePort();
  const config = {
    ...buildRegistryConfig('http', port, undefined, {}),
    log: { level: 'warn', formatter: 'text', accesslog: { disabled: true } },
    storage: { filesystem: { rootdirectory: join(dir, 'storage') }, delete: { enabled: true } },
  };
  const file = join(dir, 'registry.yml');
  await writeFile(file, JSON.stringify(config));
  const proc = startProcess('docker-registry (bench)', 'docker-registry', ['serve', file], join(dir, 'registry.log'));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilServing(`${url}/v2/`, proc, { header: 'docker-distribution-api-version' });
  return { url, stop: () => proc.stop() };
}
