import type { RegistryInfo } from '../test/rig/rig-types';
import { forEachLimited, tokenSource, type HttpsSession } from './bench-https';
import type { SeededTag } from './registry-seeding';

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/**
 * The floor: only the requests resolution cannot do without — one token per repository, one HEAD per tag — on
 * keep-alive connections, `concurrency` at a time. Returns how many digests matched.
 */
export async function floorResolve(
  http: HttpsSession,
  registry: RegistryInfo,
  tags: readonly SeededTag[],
  concurrency: number,
): Promise<number> {
  if (registry.auth.kind !== 'token') throw new Error('floorResolve needs the token registry');
  const bob = Buffer.from('bob:hunter2').toString('base64');
  const token = tokenSource(http, registry.auth.realm, registry.auth.service, bob, 'pull');
  let matched = 0;
  await forEachLimited(tags, concurrency, async ({ repo, tag, digest }) => {
    const headers = { authorization: `Bearer ${await token(repo)}`, accept: ACCEPT };
    const res = await http.send('HEAD', `${registry.url}/v2/${repo}/manifests/${tag}`, headers);
    if (res.headers['docker-content-digest'] === digest) matched += 1;
  });
  return matched;
}
