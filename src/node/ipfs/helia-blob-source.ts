import { setMaxListeners } from 'node:events';
import type { CatOptions, UnixFS } from '@helia/unixfs';
import type { ExportContentOptions } from 'ipfs-unixfs-exporter';
import type { IpfsBlobSource } from '../../core/ipfs/blob-source';
import { parseCid } from '../../core/ipfs/digest-cid';
import { toIpfsError } from './helia-errors';
import { HELIA_DEFAULTS } from './helia-options';
import { stallWatch } from './helia-stall-watch';

/** How long a fetch may wait for blocks, and how it asks the node to redial its peers when they go quiet. */
export interface CatLimits {
  idleTimeoutMs: number;
  redialAfterMs: number;
  redial: () => Promise<void>;
}

/**
 * `cat` over the embedded node: blocks from peers are hash-checked by Helia before it keeps them, blocks on disk
 * by the CheckedBlockstore. A fetch that makes no progress for `idleTimeoutMs` fails with IPFS_TIMEOUT (peers are
 * redialed before that); the caller's signal ends it at any time. The clock pauses while the consumer holds a
 * chunk, so a slow disk is not blamed on the peers.
 */
export function heliaBlobSource(fs: UnixFS, limits: CatLimits): IpfsBlobSource {
  return {
    name: 'helia',
    cat: (cid, { signal }) => catWatched(fs, cid, signal, limits),
  };
}

async function* catWatched(fs: UnixFS, cid: string, signal: AbortSignal, limits: CatLimits) {
  const parsed = parseCid(cid);
  const idle = new AbortController();
  const combined = AbortSignal.any([signal, idle.signal]);
  // Bitswap and the exporter add a listener per block in flight: more than Node's default 10, by design.
  setMaxListeners(Infinity, combined, idle.signal);
  const watch = stallWatch(limits, limits.redial, () => idle.abort());
  try {
    watch.waiting();
    // @helia/unixfs hands its options to the exporter, whose blockReadConcurrency its own type does not list.
    const options: CatOptions & ExportContentOptions = {
      signal: combined,
      blockReadConcurrency: HELIA_DEFAULTS.blockReadConcurrency,
    };
    for await (const chunk of fs.cat(parsed, options)) {
      watch.stop();
      yield chunk;
      watch.waiting();
    }
  } catch (error) {
    const { idleTimeoutMs } = limits;
    throw toIpfsError(error, {
      cid,
      idle: idle.signal.aborted && !signal.aborted,
      idleTimeoutMs,
      callerSignal: signal,
    });
  } finally {
    watch.stop();
  }
}
