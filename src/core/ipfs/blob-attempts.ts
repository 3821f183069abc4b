import { isCoreError } from '../errors';
import type { IpfsBlobSource } from './blob-source';
import type { Descriptor } from './descriptor';
import { IPFS_DEFAULTS } from './defaults';
import { candidateCids } from './descriptor-cids';
import { canTryElsewhere, IpfsError } from './ipfs-error';
import type { ImageBlobReader } from './publish-image';

/** One try that did not give the blob, kept for the summary and the final error. */
export interface FailedAttempt {
  source: string;
  cid?: string;
  code: string;
}

/** Where a blob's verified bytes came from. */
export interface BlobOrigin {
  from: 'ipfs' | 'registry' | 'present';
  source?: string;
  cid?: string;
  failed: FailedAttempt[];
}

export interface AttemptDeps {
  sources: readonly IpfsBlobSource[];
  /** The registry, when falling back is allowed; what it gives is verified the same way. */
  fallback?: ImageBlobReader;
  /** How long a raw-CID guess may take (default IPFS_DEFAULTS.guessTimeoutMs). */
  guessTimeoutMs?: number;
}

/** Consumes one candidate stream; throws an IpfsError (verification or source failure) to try the next. */
export type Consume<T> = (chunks: AsyncIterable<Uint8Array>, source: string) => Promise<T>;

// Integrity failures outrank absence in the final error (as containerd ranks errors across mirrors): a user must
// learn that someone served wrong bytes, not only that the blob was not found.
const INTEGRITY = ['IPFS_DIGEST_MISMATCH', 'IPFS_SIZE_MISMATCH', 'IPFS_BLOCK_INVALID', 'IPFS_CAR_INVALID'];

/**
 * Tries every CID hint of `descriptor` on every source, in order, then the registry fallback. Each answer is
 * consumed (and verified) by `consume`; the first that passes wins.
 */
export async function withAttempts<T>(
  deps: AttemptDeps,
  descriptor: Descriptor,
  consume: Consume<T>,
  signal: AbortSignal,
  fallbackRead: (reader: ImageBlobReader) => AsyncIterable<Uint8Array>,
): Promise<{ value: T; origin: BlobOrigin }> {
  const failed: FailedAttempt[] = [];
  const cids = deps.sources.length === 0 ? [] : candidateCids(descriptor);
  for (const { cid, guessed } of cids) {
    for (const source of deps.sources) {
      // A daemon asked for a CID nobody has may search the network for ever: a guess gets a short deadline.
      const deadline = guessed ? AbortSignal.timeout(deps.guessTimeoutMs ?? IPFS_DEFAULTS.guessTimeoutMs) : undefined;
      const attempt = deadline === undefined ? signal : AbortSignal.any([signal, deadline]);
      try {
        const value = await consume(source.cat(cid, { signal: attempt }), `${source.name} (${cid})`);
        return { value, origin: { from: 'ipfs', source: source.name, cid, failed } };
      } catch (error) {
        const code = deadline?.aborted && !signal.aborted ? 'IPFS_TIMEOUT' : triedCode(error, signal);
        failed.push({ source: source.name, cid, code });
      }
    }
  }
  if (deps.fallback !== undefined) {
    const value = await consume(fallbackRead(deps.fallback), 'the registry');
    return { value, origin: { from: 'registry', source: 'registry', failed } };
  }
  throw notFetched(descriptor, failed, deps.sources.length > 0 && cids.length === 0);
}

// A failure that another source may not have: noted, then the next one is tried. Anything else stops the fetch.
function triedCode(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) throw signal.reason;
  if (canTryElsewhere(error)) return (error as IpfsError).code;
  if (isCoreError(error)) throw error;
  return 'IPFS_UNAVAILABLE';
}

function notFetched(descriptor: Descriptor, failed: FailedAttempt[], noCid: boolean): IpfsError {
  if (noCid) {
    const message = `${descriptor.digest} names no ipfs:// CID and is too large for a raw-block guess: allow the registry fallback.`;
    return new IpfsError('IPFS_NO_CID', message, { digest: descriptor.digest });
  }
  const code = failed.map((f) => f.code).find((c) => INTEGRITY.includes(c)) ?? failed.at(-1)?.code;
  const tried = failed.map((f) => `${f.source} ${f.cid ?? ''}: ${f.code}`).join('; ');
  const message = `No IPFS source gave verified bytes for ${descriptor.digest} (${tried || 'no source'}); nothing written.`;
  return new IpfsError(isIpfsCode(code) ? code : 'IPFS_NOT_FOUND', message, { digest: descriptor.digest });
}

function isIpfsCode(code: string | undefined): code is IpfsError['code'] {
  return code !== undefined && code.startsWith('IPFS_');
}
