import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { RegistryInfo } from '../test/rig/rig-types';
import { forEachLimited } from './bench-https';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const digestOf = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

export interface SignedImage {
  reference: string;
  digest: string;
}

/** One registry session over plain HTTP (the rig's `http` registry): blob uploads and manifest puts. */
function registryWriter(registry: RegistryInfo) {
  const blob = async (repo: string, bytes: Uint8Array) => {
    const digest = digestOf(bytes);
    const started = await fetch(`${registry.url}/v2/${repo}/blobs/uploads/`, { method: 'POST' });
    const location = new URL(started.headers.get('location') ?? '', registry.url);
    location.searchParams.set('digest', digest);
    const put = await fetch(location, {
      method: 'PUT',
      body: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    if (put.status !== 201) throw new Error(`blob upload to ${repo}: HTTP ${put.status}`);
    return { digest, size: bytes.length };
  };
  const manifest = async (repo: string, tag: string, value: unknown) => {
    const bytes = Buffer.from(JSON.stringify(value));
    const put = await fetch(`${registry.url}/v2/${repo}/manifests/${tag}`, {
      method: 'PUT',
      body: bytes,
      headers: { 'content-type': OCI_MANIFEST },
    });
    if (put.status !== 201) throw new Error(`manifest ${repo}:${tag}: HTTP ${put.status}`);
    return digestOf(bytes);
  };
  return { blob, manifest };
}

/** cosign's `.sig` layout for one digest: a simple-signing payload layer carrying its signature annotation. */
async function signDigest(
  writer: ReturnType<typeof registryWriter>,
  repo: string,
  reference: string,
  digest: string,
  key: KeyObject,
) {
  const critical = {
    identity: { 'docker-reference': reference },
    image: { 'docker-manifest-digest': digest },
    type: 'cosign container image signature',
  };
  const payload = Buffer.from(JSON.stringify({ critical, optional: null }));
  const layer = await writer.blob(repo, payload);
  const config = await writer.blob(
    repo,
    Buffer.from(JSON.stringify({ architecture: '', os: '', rootfs: { type: 'layers', diff_ids: [layer.digest] } })),
  );
  await writer.manifest(repo, `${digest.replace(':', '-')}.sig`, {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: OCI_CONFIG, ...config },
    layers: [
      {
        mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
        ...layer,
        annotations: { 'dev.cosignproject.cosign/signature': sign('sha256', payload, key).toString('base64') },
      },
    ],
  });
}

/**
 * Pushes `repos` × `tags` single-platform images to the rig's plain-HTTP registry, each signed with one fresh
 * P-256 key in cosign's format; returns the images and the public key (PEM) that verifies them.
 */
export async function seedSignedImages(registry: RegistryInfo, repos: number, tags: number) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const writer = registryWriter(registry);
  const images: SignedImage[] = [];
  const names = Array.from({ length: repos }, (_, i) => `bench/check-${String(i).padStart(3, '0')}`);
  await forEachLimited(names, 8, async (repo) => {
    const config = await writer.blob(
      repo,
      Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } })),
    );
    const layer = await writer.blob(repo, gzipSync(Buffer.from(`${repo}\n`)));
    for (let t = 0; t < tags; t++) {
      const reference = `${registry.host}/${repo}:v${t}`;
      const digest = await writer.manifest(repo, `v${t}`, {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: { mediaType: OCI_CONFIG, ...config },
        layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer }],
        annotations: { 'org.opencontainers.image.ref.name': reference },
      });
      await signDigest(writer, repo, `${registry.host}/${repo}`, digest, privateKey);
      images.push({ reference, digest });
    }
  });
  return { images, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}
