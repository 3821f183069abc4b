import { IpfsError } from '../../core/ipfs/ipfs-error';

/**
 * A signal that aborts with IPFS_TIMEOUT when `touch()` is not called for `ms` (a source that stopped sending),
 * or when `outer` aborts. `stop()` clears the timer.
 */
export function stallGuard(outer: AbortSignal, ms: number, source: string) {
  const stall = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stall.abort(new IpfsError('IPFS_TIMEOUT', `${source} sent nothing for ${ms / 1000} s.`, { source }));
    }, ms);
  };
  touch();
  return {
    signal: AbortSignal.any([outer, stall.signal]),
    touch,
    stop: () => clearTimeout(timer),
    /** The timeout error when the guard fired, so it is reported instead of a bare abort. */
    reason: () => (stall.signal.aborted ? (stall.signal.reason as IpfsError) : undefined),
  };
}

/** `chunks`, touching the guard on each one and turning its abort into IPFS_TIMEOUT. */
export async function* guarded<T>(chunks: AsyncIterable<T>, guard: ReturnType<typeof stallGuard>): AsyncGenerator<T> {
  try {
    for await (const chunk of chunks) {
      guard.touch();
      yield chunk;
    }
  } catch (error) {
    throw guard.reason() ?? error;
  } finally {
    guard.stop();
  }
}
