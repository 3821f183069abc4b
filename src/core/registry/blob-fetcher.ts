import type { ManifestDeps } from './client-types';
import { computeDigest, parseDigest } from './digest';
import { displayUrl, RegistryError } from './registry-error';
import type { TransportResponse } from './ports';
import type { RegistrySession } from './registry-session';

export interface BlobRef {
  domain: string;
  path: string;
  digest: string;
  /** What the blob is, as the descriptor that named it says; kept with the cached bytes. */
  mediaType?: string;
}

export interface FetchedBlob {
  digest: string;
  /** Verified against `digest`. */
  bytes: Uint8Array;
}

/**
 * GETs a small blob (an image config) by digest, capped at `maxBlobBytes`, and verifies the bytes against the
 * digest; verified bytes are cached by digest, and cached bytes are re-hashed before use like manifests are.
 */
export async function fetchBlobBytes(
  deps: ManifestDeps,
  session: RegistrySession,
  ref: BlobRef,
  signal?: AbortSignal,
): Promise<FetchedBlob> {
  const parsed = parseDigest(ref.digest);
  if (parsed === undefined) {
    const message = `${ref.digest} is not a valid digest for a blob of ${ref.path}.`;
    throw new RegistryError('REGISTRY_INVALID_MANIFEST', message, { registry: session.registry });
  }
  const cached = await deps.cache.getContent(ref.digest);
  if (cached !== undefined && (await computeDigest(deps.hash, parsed.algorithm, cached.bytes)) === ref.digest) {
    return { digest: ref.digest, bytes: cached.bytes };
  }
  const response = await session.send({
    method: 'GET',
    path: `/v2/${ref.path}/blobs/${ref.digest}`,
    headers: {},
    maxBytes: deps.options.maxBlobBytes,
    scope: `repository:${ref.path}:pull`,
    ...(signal === undefined ? {} : { signal }),
  });
  const details = checkBlobStatus(session, ref, response);
  const actual = await computeDigest(deps.hash, parsed.algorithm, response.body);
  if (actual !== ref.digest) {
    const message = `${session.registry} sent blob bytes whose digest ${actual} differs from ${ref.digest}: do not use this content.`;
    throw new RegistryError('REGISTRY_DIGEST_MISMATCH', message, { ...details, expected: ref.digest, actual });
  }
  await deps.cache.putContent(ref.digest, {
    bytes: response.body,
    mediaType: ref.mediaType ?? 'application/octet-stream',
  });
  return { digest: ref.digest, bytes: response.body };
}

/** A blob GET's answer must be 200; returns the details for a later error about its bytes. */
export function checkBlobStatus(
  session: RegistrySession,
  ref: { path: string; digest: string },
  response: TransportResponse,
) {
  const details = { registry: session.registry, url: displayUrl(response.url), status: response.status };
  if (response.status === 404) {
    const message = `${session.registry} has no blob ${ref.digest} in ${ref.path}.`;
    throw new RegistryError('REGISTRY_NOT_FOUND', message, { ...details, missing: 'blob' });
  }
  if (response.status >= 500) {
    const message = `${session.registry} is failing (HTTP ${response.status}) after retries: try again later.`;
    throw new RegistryError('REGISTRY_UNAVAILABLE', message, details);
  }
  if (response.status !== 200) {
    const message = `${session.registry} answered HTTP ${response.status} for a blob.`;
    throw new RegistryError('REGISTRY_UNEXPECTED_STATUS', message, details);
  }
  return details;
}
