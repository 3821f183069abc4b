import type { BlobRef } from './blob-fetcher';
import { checkBlobStatus } from './blob-fetcher';
import { parseDigest } from './digest';
import type { CreateHash } from './ports';
import { RegistryError } from './registry-error';
import type { RegistrySession } from './registry-session';

export interface BlobStreamOptions {
  signal?: AbortSignal;
  /** Incremental hashing for the verification, which WebCrypto cannot do. */
  createHash: CreateHash;
}

/** A layer to stream: its descriptor's size caps the read and must be met exactly. */
export interface BlobStreamRef extends BlobRef {
  size: number;
}

/**
 * GETs a blob of any size as a stream, verified inside: every chunk is hashed as it passes, and the last one is
 * held back until size and digest match, so a consumer that commits at the end of the stream never commits
 * bytes that fail (REGISTRY_DIGEST_MISMATCH, or REGISTRY_RESPONSE_TOO_LARGE past `size`). Nothing is cached: a
 * layer must not land in the content cache.
 */
export async function* fetchBlobStream(
  session: RegistrySession,
  ref: BlobStreamRef,
  createHash: CreateHash,
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const parsed = parseDigest(ref.digest);
  if (parsed === undefined || !Number.isSafeInteger(ref.size) || ref.size < 0) {
    const message = `${ref.digest} (${ref.size} bytes) does not name a blob of ${ref.path}.`;
    throw new RegistryError('REGISTRY_INVALID_MANIFEST', message, { registry: session.registry });
  }
  const response = await session.send({
    method: 'GET',
    path: `/v2/${ref.path}/blobs/${ref.digest}`,
    headers: {},
    maxBytes: ref.size,
    scope: `repository:${ref.path}:pull`,
    stream: true,
    ...(signal === undefined ? {} : { signal }),
  });
  const details = checkBlobStatus(session, ref, response);
  const hash = createHash(parsed.algorithm);
  let held: Uint8Array | undefined;
  let received = 0;
  for await (const chunk of response.stream ?? [response.body]) {
    hash.update(chunk);
    received += chunk.length;
    if (held !== undefined) yield held;
    held = chunk;
  }
  const actual = `${parsed.algorithm}:${hash.digest()}`;
  if (received !== ref.size || actual !== ref.digest) {
    const message = `${session.registry} sent ${received} bytes whose digest ${actual} is not ${ref.digest} (${ref.size} bytes): do not use this content.`;
    throw new RegistryError('REGISTRY_DIGEST_MISMATCH', message, { ...details, expected: ref.digest, actual });
  }
  if (held !== undefined) yield held;
}
