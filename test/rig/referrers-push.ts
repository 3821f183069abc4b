import { createHash } from 'node:crypto';
import type { RegistryInfo } from './rig-types';

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

export const sha256 = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** A content descriptor of pushed bytes. */
export interface Pushed {
  mediaType: string;
  digest: string;
  size: number;
}

// Debian's skopeo 1.9.3 cannot push sigstore attachments or referrers, so the rig speaks the registry API itself.
export async function putBlob(registry: RegistryInfo, repo: string, bytes: Uint8Array, mediaType: string) {
  const digest = sha256(bytes);
  const start = await fetch(`${registry.url}/v2/${repo}/blobs/uploads/`, { method: 'POST' });
  if (start.status !== 202) throw new Error(`blob upload to ${repo}: HTTP ${start.status}`);
  const location = new URL(start.headers.get('location') ?? '', registry.url);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, {
    method: 'PUT',
    body: bytes,
    headers: { 'content-type': 'application/octet-stream' },
  });
  if (put.status !== 201) throw new Error(`blob upload to ${repo}: HTTP ${put.status}`);
  return { mediaType, digest, size: bytes.length };
}

/** PUTs a manifest or index under `reference` (a tag, or its own digest) and returns its descriptor. */
export async function putManifest(
  registry: RegistryInfo,
  repo: string,
  reference: string | undefined,
  bytes: Uint8Array,
  mediaType = OCI_MANIFEST,
): Promise<Pushed> {
  const digest = sha256(bytes);
  const url = `${registry.url}/v2/${repo}/manifests/${reference ?? digest}`;
  const put = await fetch(url, { method: 'PUT', body: bytes, headers: { 'content-type': mediaType } });
  if (put.status !== 201) throw new Error(`manifest ${repo}:${reference ?? digest}: HTTP ${put.status}`);
  return { mediaType, digest, size: bytes.length };
}

/**
 * Stores referrers of `subject` the way OCI 1.1 clients do on a registry without the referrers API (registry
 * 2.8): an index of their descriptors under the tag `sha256-<hex>`.
 */
export async function putReferrersIndex(
  registry: RegistryInfo,
  repo: string,
  subject: string,
  referrers: readonly (Pushed & { artifactType: string; annotations?: Record<string, string> })[],
): Promise<void> {
  const index = { schemaVersion: 2, mediaType: OCI_INDEX, manifests: referrers };
  await putManifest(registry, repo, subject.replace(':', '-'), Buffer.from(JSON.stringify(index)), OCI_INDEX);
}

/** A referrer as cosign v3 pushes it: an OCI manifest with `subject` and `artifactType`, its one layer `blob`. */
export async function pushReferrer(
  registry: RegistryInfo,
  repo: string,
  subject: Pushed,
  artifactType: string,
  blob: Buffer,
  annotations: Record<string, string> = {},
) {
  const config = await putBlob(registry, repo, Buffer.from('{}'), 'application/vnd.oci.empty.v1+json');
  const layer = await putBlob(registry, repo, blob, artifactType);
  const doc = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType,
    config,
    layers: [layer],
    subject,
    annotations,
  };
  const pushed = await putManifest(registry, repo, undefined, Buffer.from(JSON.stringify(doc)));
  return { ...pushed, artifactType, annotations };
}
