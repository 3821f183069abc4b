import { IpfsError } from '../../core/ipfs/ipfs-error';

/** Where a Helia failure happened: the CID asked for, and whether our idle timer (not the caller) fired. */
export interface FailureContext {
  cid: string;
  idle: boolean;
  idleTimeoutMs: number;
  /** The caller's signal, when it ended the read. */
  callerSignal: AbortSignal;
}

/**
 * Helia's and the UnixFS exporter's errors as IpfsError codes, the original kept as `cause`. A caller's own
 * abort is not a failure of IPFS and passes through unchanged.
 */
export function toIpfsError(error: unknown, context: FailureContext): unknown {
  if (error instanceof IpfsError) return error;
  if (context.callerSignal.aborted) return context.callerSignal.reason;
  const details = { cid: context.cid, source: 'helia' };
  if (context.idle) {
    // Bitswap names a received block by its hash, so wrong bytes arrive as a block nobody asked for: dropped.
    const message = `no IPFS peer sent a valid block of ${context.cid} for ${context.idleTimeoutMs / 1000} s: the peers that had it are gone, never had it, or sent bytes that do not match.`;
    return new IpfsError('IPFS_TIMEOUT', message, details, error);
  }
  const name = error instanceof Error ? error.name : '';
  if (name === 'LoadBlockFailedError' && hasInvalidBlock(error)) {
    const message = `a peer sent a block that does not hash to its CID under ${context.cid}: nothing from it was kept.`;
    return new IpfsError('IPFS_BLOCK_INVALID', message, details, error);
  }
  if (name === 'NotAFileError' || name === 'NotUnixFSError' || name === 'NoResolverError') {
    const message = `${context.cid} does not name a file (UnixFS file or raw block), so it cannot be an image blob.`;
    return new IpfsError('IPFS_UNSUPPORTED', message, details, error);
  }
  if (['OverReadError', 'UnderReadError', 'InvalidMultihashError', 'InvalidPBNodeError'].includes(name)) {
    return new IpfsError('IPFS_BLOCK_INVALID', `the DAG under ${context.cid} is malformed.`, details, error);
  }
  return new IpfsError('IPFS_UNAVAILABLE', `the embedded IPFS node could not read ${context.cid}.`, details, error);
}

function hasInvalidBlock(error: unknown): boolean {
  const errors = (error as { errors?: unknown[] }).errors ?? [];
  return errors.some((inner) => inner instanceof Error && inner.name === 'InvalidMultihashError');
}
