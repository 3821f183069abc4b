import { isCoreError } from '../../core/errors';
import { IpfsError } from '../../core/ipfs/ipfs-error';
import { RegistryError } from '../../core/registry/registry-error';

const NOT_FOUND = /not found|no link named|404/i;

/**
 * A backend failure as an IpfsError the fetch can act on: absence (next CID or source), timeout, unavailable.
 * Our own coded errors pass through; the original error is kept as `cause`, never put into the message.
 */
export function toIpfsFailure(error: unknown, source: string, cid: string): unknown {
  if (error instanceof IpfsError) return error;
  if (error instanceof RegistryError) return fromTransport(error, source, cid);
  if (isCoreError(error)) return error;
  const name = (error as { name?: unknown }).name;
  const details = { source, cid };
  if (name === 'AbortError') return error;
  if (name === 'TimeoutError')
    return new IpfsError('IPFS_TIMEOUT', `${source} did not answer for ${cid} in time.`, details, error);
  if (NOT_FOUND.test(String((error as { message?: unknown }).message ?? ''))) {
    return new IpfsError('IPFS_NOT_FOUND', `${source} does not have ${cid}.`, details, error);
  }
  return new IpfsError('IPFS_UNAVAILABLE', `${source} failed while serving ${cid}.`, details, error);
}

function fromTransport(error: RegistryError, source: string, cid: string): unknown {
  const details = { source, cid };
  switch (error.code) {
    case 'REGISTRY_TIMEOUT':
      return new IpfsError('IPFS_TIMEOUT', `${source} did not answer for ${cid} in time.`, details, error);
    case 'REGISTRY_RESPONSE_TOO_LARGE':
      return new IpfsError(
        'IPFS_BLOCK_TOO_LARGE',
        `${source} sent a block for ${cid} above the 2 MiB cap.`,
        details,
        error,
      );
    case 'REGISTRY_NETWORK':
    case 'REGISTRY_TLS':
      // The transport's message names the host and what to do (trust its CA, mark it insecure).
      return new IpfsError(
        'IPFS_UNAVAILABLE',
        `${source} could not be reached for ${cid}: ${error.message}`,
        details,
        error,
      );
    default:
      return error;
  }
}

/** Re-throws whatever `chunks` throw as IpfsErrors. */
export async function* mapFailures<T>(chunks: AsyncIterable<T>, source: string, cid: string): AsyncGenerator<T> {
  try {
    yield* chunks;
  } catch (error) {
    throw toIpfsFailure(error, source, cid);
  }
}
