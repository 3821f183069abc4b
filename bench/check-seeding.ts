import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { putBlob, putManifest } from '../test/rig/referrers-push';
import type { RegistryInfo } from '../test/rig/rig-types';
import { forEachLimited } from './bench-https';

const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

export interface SignedImage {
  reference: string;
  digest: string;
}

/** cosign's `.sig` layout for one digest: a simple-signing payload layer carrying its signature annotation. */
async function signDigest(registry: RegistryInfo, repo: string, digest: string, key: KeyObject) {
  const critical = {
    identity: { 'docker-reference': `${registry.host}/${repo}` },
    image: { 'docker-manifest-digest': digest },
    type: 'cosign container image signature',
  };
  const payload = json({ critical, optional: null });
  const layer = await putBlob(registry, repo, payload, 'application/vnd.dev.cosign.simplesigning.v1+json');
  const rootfs = { type: 'layers', diff_ids: [layer.digest] };
  const config = await putBlob(registry, repo, json({ architecture: '', os: '', rootfs }), OCI_CONFIG);
  const signature = sign('sha256', payload, key).toString('base64');
  const layers = [{ ...layer, annotations: { 'dev.cosignproject.cosign/signature': signature } }];
  await putManifest(registry, repo, `${digest.replace(':', '-')}.sig`, json({ schemaVersion: 2, config, layers }));
}

/**
 * Pushes `repos` × `tags` single-platform images to the rig's plain-HTTP registry, each signed with one fresh
 * P-256 key in cosign's format; returns the images and the public key (PEM) that verifies them.
 */
export async function seedSignedImages(registry: RegistryInfo, repos: number, tags: number) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const images: SignedImage[] = [];
  const names = Array.from({ length: repos }, (_, i) => `bench/check-${String(i).padStart(3, '0')}`);
  await forEachLimited(names, 8, async (repo) => {
    const rootfs = { type: 'layers', diff_ids: [] };
    const config = await putBlob(registry, repo, json({ architecture: 'amd64', os: 'linux', rootfs }), OCI_CONFIG);
    const layer = await putBlob(registry, repo, gzipSync(`${repo}\n`), 'application/vnd.oci.image.layer.v1.tar+gzip');
    for (let t = 0; t < tags; t++) {
      const reference = `${registry.host}/${repo}:v${t}`;
      const annotations = { 'org.opencontainers.image.ref.name': reference };
      const manifest = json({ schemaVersion: 2, config, layers: [layer], annotations });
      const { digest } = await putManifest(registry, repo, `v${t}`, manifest);
      await signDigest(registry, repo, digest, privateKey);
      images.push({ reference, digest });
    }
  });
  return { images, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}
