import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { RegistryInfo } from '../test/rig/rig-types';
import { forEachLimited, tokenSource, type HttpsSession } from './bench-https';

export interface SeededTag {
  repo: string;
  tag: string;
  digest: string;
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const digestOf = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/**
 * Writes `repos` × `tags` single-platform images straight through the registry API as alice (skopeo would take
 * a process per tag): the two blobs once per repository, then one manifest per tag. Each tag gets its own
 * manifest (an annotation names it), so no two tags share a digest.
 */
export async function seedRegistry(http: HttpsSession, registry: RegistryInfo, repos: number, tags: number) {
  if (registry.auth.kind !== 'token') throw new Error('seedRegistry needs the token registry');
  const alice = Buffer.from('alice:secret123').toString('base64');
  const token = tokenSource(http, registry.auth.realm, registry.auth.service, alice, 'pull,push');
  const layer = gzipSync(Buffer.from('bench layer\n'));
  const config = Buffer.from(
    JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }),
  );
  const blobs = [
    { mediaType: 'application/vnd.oci.image.config.v1+json', bytes: config },
    { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', bytes: layer },
  ].map((b) => ({ ...b, digest: digestOf(b.bytes), size: b.bytes.length }));
  const seeded: SeededTag[] = [];
  const names = Array.from({ length: repos }, (_, i) => `bench/repo-${String(i).padStart(3, '0')}`);
  await forEachLimited(names, 8, async (repo) => {
    const auth = { authorization: `Bearer ${await token(repo)}` };
    for (const blob of blobs) {
      const started = await http.send('POST', `${registry.url}/v2/${repo}/blobs/uploads/`, auth);
      const location = new URL(started.headers.location ?? '', registry.url);
      location.searchParams.set('digest', blob.digest);
      const put = await http.send(
        'PUT',
        location.href,
        { ...auth, 'content-type': 'application/octet-stream' },
        blob.bytes,
      );
      if (put.status !== 201) throw new Error(`blob upload to ${repo}: HTTP ${put.status}`);
    }
    for (let t = 0; t < tags; t++) {
      const tag = `v${t}`;
      const manifest = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: OCI_MANIFEST,
          config: { mediaType: blobs[0]?.mediaType, digest: blobs[0]?.digest, size: blobs[0]?.size },
          layers: [{ mediaType: blobs[1]?.mediaType, digest: blobs[1]?.digest, size: blobs[1]?.size }],
          annotations: { 'org.opencontainers.image.ref.name': `${repo}:${tag}` },
        }),
      );
      const url = `${registry.url}/v2/${repo}/manifests/${tag}`;
      const put = await http.send('PUT', url, { ...auth, 'content-type': OCI_MANIFEST }, manifest);
      if (put.status !== 201) throw new Error(`manifest ${repo}:${tag}: HTTP ${put.status}`);
      seeded.push({ repo, tag, digest: digestOf(manifest) });
    }
  });
  return seeded;
}
