import type { Blocks } from '@helia/interface';
import type { CID } from 'multiformats/cid';
import { blockBytes } from './block-bytes';

/**
 * Blocks from the node (its disk, else its peers over bitswap) for the UnixFS walk, with the next ones asked
 * for ahead so that a round trip per block does not set the pace. A block fetched ahead and never read (the
 * walk failed) is dropped with its failure, which nobody awaits.
 */
export function heliaBlockFetcher(blockstore: Blocks, signal: AbortSignal) {
  const inFlight = new Map<string, Promise<Uint8Array>>();
  const load = (cid: CID) => {
    const key = cid.toString();
    let block = inFlight.get(key);
    if (block === undefined) {
      block = blockBytes(blockstore, cid, signal);
      block.catch(() => undefined);
      inFlight.set(key, block);
    }
    return block;
  };
  return {
    fetchBlock: async (cid: CID) => {
      try {
        return await load(cid);
      } finally {
        inFlight.delete(cid.toString());
      }
    },
    upcoming: (cids: CID[]) => cids.forEach(load),
    close: () => inFlight.clear(),
  };
}
