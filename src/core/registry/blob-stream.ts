import type { BlobRef } from './blob-fetcher';
import { checkBlobStatus } from './blob-fetcher';
import { checkResumedBlob, rangeHeaders } from './blob-range';
import { parseDigest } from './digest';
import { discardStream } from './discard-stream';
import type { CreateHash, StreamingHash, TransportResponse } from './ports';
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

/** What has been read so far, across resumed requests. */
interface Progress {
  hash: StreamingHash;
  received: number;
  held: Uint8Array | undefined;
}

/**
 * GETs a blob of any size as a stream, verified inside: every chunk is hashed as it passes, and the last one is
 * held back until size and digest match, so a consumer that commits at the end of the stream never commits
 * bytes that fail (REGISTRY_DIGEST_MISMATCH, or REGISTRY_RESPONSE_TOO_LARGE past `size`). A connection that drops
 * part way is resumed with a Range request up to `maxResumes` times. Nothing is cached: a layer must not land in
 * the content cache.
 */
export async function* fetchBlobStream(
  session: RegistrySession,
  ref: BlobStreamRef,
  { createHash, signal, maxResumes }: BlobStreamOptions & { maxResumes: number },
): AsyncGenerator<Uint8Array> {
  const parsed = parseDigest(ref.digest);
  if (parsed === undefined || !Number.isSafeInteger(ref.size) || ref.size < 0) {
    const message = `${ref.digest} (${ref.size} bytes) does not name a blob of ${ref.path}.`;
    throw new RegistryError('REGISTRY_INVALID_MANIFEST', message, { registry: session.registry });
  }
  const progress: Progress = { hash: createHash(parsed.algorithm), received: 0, held: undefined };
  let details: ReturnType<typeof checkBlobStatus> | undefined;
  for (let resumes = 0; ; resumes += 1) {
    try {
      const response = await requestFrom(session, ref, progress.received, signal);
      const checked = await checkedOrDiscarded(response, () =>
        details === undefined
          ? { details: checkBlobStatus(session, ref, response), skip: 0 }
          : checkResumedBlob(session, ref, response, progress.received),
      );
      details = checked.details;
      yield* readBody(session, ref, response, checked.skip, progress);
      break;
    } catch (error) {
      // Only a dropped connection once the blob has started is resumed; the first request fails as it always did.
      if (details === undefined || !isDropped(error)) throw error;
      // Every byte arrived before the drop (a body without its end): nothing to ask for, the digest decides.
      if (progress.received === ref.size) break;
      if (resumes === maxResumes) throw droppedTooOften(session, ref, error, progress.received, resumes);
    }
  }
  const actual = `${parsed.algorithm}:${progress.hash.digest()}`;
  if (progress.received !== ref.size || actual !== ref.digest) {
    const message = `${session.registry} sent ${progress.received} bytes whose digest ${actual} is not ${ref.digest} (${ref.size} bytes): do not use this content.`;
    throw new RegistryError('REGISTRY_DIGEST_MISMATCH', message, { ...details, expected: ref.digest, actual });
  }
  if (progress.held !== undefined) yield progress.held;
}

// A refused answer's body is thrown away at once: left unread, it holds its connection until the idle timeout.
async function checkedOrDiscarded<T>(response: TransportResponse, check: () => T): Promise<T> {
  try {
    return check();
  } catch (error) {
    await discardStream(response.stream);
    throw error;
  }
}

// The same path, scope and token handling as the first request; a 200 to a Range request is the whole blob.
function requestFrom(session: RegistrySession, ref: BlobStreamRef, offset: number, signal?: AbortSignal) {
  return session.send({
    method: 'GET',
    path: `/v2/${ref.path}/blobs/${ref.digest}`,
    headers: rangeHeaders(offset),
    maxBytes: ref.size,
    scope: `repository:${ref.path}:pull`,
    stream: true,
    ...(signal === undefined ? {} : { signal }),
  });
}

/** Yields the previous held chunk for each new one, after skipping `skip` bytes already received. */
async function* readBody(
  session: RegistrySession,
  ref: BlobStreamRef,
  response: TransportResponse,
  skip: number,
  progress: Progress,
): AsyncGenerator<Uint8Array> {
  let left = skip;
  for await (const arrived of response.stream ?? [response.body]) {
    const chunk = arrived.subarray(Math.min(left, arrived.length));
    left -= arrived.length - chunk.length;
    if (chunk.length === 0) continue;
    progress.received += chunk.length;
    // A resumed answer is capped at the whole size by the transport; the sum must not pass it either.
    if (progress.received > ref.size) throw tooLarge(session, ref);
    progress.hash.update(chunk);
    if (progress.held !== undefined) yield progress.held;
    progress.held = chunk;
  }
}

function isDropped(error: unknown): error is RegistryError {
  return error instanceof RegistryError && error.code === 'REGISTRY_NETWORK';
}

function droppedTooOften(
  session: RegistrySession,
  ref: BlobStreamRef,
  error: RegistryError,
  received: number,
  resumes: number,
): RegistryError {
  const message = `${session.registry} dropped the connection for ${ref.digest} after ${resumes} resumes; ${received} of ${ref.size} bytes arrived: check the network and try again.`;
  return new RegistryError(error.code, message, error.details, error);
}

function tooLarge(session: RegistrySession, ref: BlobStreamRef): RegistryError {
  const message = `${session.registry} sent more than the ${ref.size} bytes of ${ref.digest}; refused.`;
  return new RegistryError('REGISTRY_RESPONSE_TOO_LARGE', message, { registry: session.registry });
}
