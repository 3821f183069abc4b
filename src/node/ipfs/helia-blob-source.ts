import { setMaxListeners } from 'node:events';
import type { Blocks } from '@helia/interface';
import type { IpfsBlobSource } from '../../core/ipfs/blob-source';
import { parseCid } from '../../core/ipfs/digest-cid';
import { walkUnixfsFile } from '../../core/ipfs/unixfs-block-walk';
import { heliaBlockFetcher } from './helia-block-fetcher';
import { toIpfsError } from './helia-errors';
import { createNodeHash } from './node-hash';
import { stallWatch } from './helia-stall-watch';

/** How long a fetch may wait for blocks, and how it asks the node to redial its peers when they go quiet. */
export interface CatLimits {
  idleTimeoutMs: number;
  redialAfterMs: number;
  redial: () => Promise<void>;
}

/**
 * `cat` over the embedded node: every block is checked against its CID as the walk reads it (and by Helia when
 * it arrives from a peer). A fetch that makes no progress for `idleTimeoutMs` fails with IPFS_TIMEOUT (peers are
 * redialed before that); the caller's signal ends it at any time. The clock pauses while the consumer holds a
 * chunk, so a slow disk is not blamed on the peers.
 */
export function heliaBlobSource(blockstore: Blocks, limits: CatLimits): IpfsBlobSource {
  return {
    name: 'helia',
    cat: (cid, { signal }) => catWatched(blockstore, cid, signal, limits),
  };
}

async function* catWatched(blockstore: Blocks, cid: string, signal: AbortSignal, limits: CatLimits) {
  const parsed = parseCid(cid);
  const idle = new AbortController();
  const combined = AbortSignal.any([signal, idle.signal]);
  // Bitswap adds a listener per block in flight: more than Node's default 10, by design.
  setMaxListeners(Infinity, combined, idle.signal);
  const watch = stallWatch(limits, limits.redial, () => idle.abort());
  // Our own depth-first walk, not @helia/unixfs cat: the exporter's walk of a DAG deeper than one level leaves
  // a rejected promise unhandled when a block fails, which ends the process instead of this fetch.
  const blocks = heliaBlockFetcher(blockstore, combined);
  try {
    watch.waiting();
    const walk = { ...blocks, createHash: createNodeHash, source: 'helia' };
    for await (const chunk of walkUnixfsFile(parsed, walk)) {
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
    blocks.close();
  }
}
