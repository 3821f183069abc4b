import type { BlobStreamRef } from './blob-stream';
import { checkBlobStatus } from './blob-fetcher';
import type { TransportResponse } from './ports';
import { displayUrl, RegistryError } from './registry-error';
import type { RegistrySession } from './registry-session';

const CONTENT_RANGE = /^bytes (\d+)-(\d+)\/(\d+)$/i;

/** The headers that ask for a blob from byte `offset` on; none for the first request. */
export function rangeHeaders(offset: number): Record<string, string> {
  return offset === 0 ? {} : { range: `bytes=${offset}-` };
}

/** Whether a Content-Range names exactly `bytes offset-(size-1)/size`: the rest of this blob, nothing else. */
export function isRequestedRange(value: string | undefined, offset: number, size: number): boolean {
  const match = value === undefined ? null : CONTENT_RANGE.exec(value.trim());
  if (match === null) return false;
  const [first, last, total] = match.slice(1).map(Number);
  return first === offset && last === size - 1 && total === size;
}

/**
 * Checks the answer to a resumed blob GET and says how many leading bytes of its body were received already.
 * A 206 must carry the range that was asked for. A 200 means the registry ignored Range and sends the whole
 * blob again: its first `offset` bytes are skipped (read, neither hashed nor yielded again), so the digest still
 * covers every byte once and a consumer sees no repeat; it costs only the re-download.
 */
export function checkResumedBlob(
  session: RegistrySession,
  ref: BlobStreamRef,
  response: TransportResponse,
  offset: number,
): { details: ReturnType<typeof checkBlobStatus>; skip: number } {
  if (response.status !== 206) return { details: checkBlobStatus(session, ref, response), skip: offset };
  const details = { registry: session.registry, url: displayUrl(response.url), status: response.status };
  const ranges = response.headers['content-range'] ?? [];
  if (ranges.length !== 1 || !isRequestedRange(ranges[0], offset, ref.size)) {
    const asked = `bytes ${offset}-${ref.size - 1}/${ref.size}`;
    const message = `${session.registry} resumed ${ref.digest} with Content-Range "${ranges.join(', ')}", not "${asked}".`;
    throw new RegistryError('REGISTRY_UNEXPECTED_STATUS', message, details);
  }
  return { details, skip: 0 };
}
