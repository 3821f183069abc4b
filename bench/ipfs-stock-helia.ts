import { unixfs } from '@helia/unixfs';
import { MemoryBlockstore } from 'blockstore-core';
import { MemoryDatastore } from 'datastore-core';
import { CID } from 'multiformats/cid';
import { dialPeers } from '../src/node/ipfs/helia-dial';
import { composeHelia } from '../src/node/ipfs/helia-node';
import { resolveHeliaOptions } from '../src/node/ipfs/helia-options';
import { time } from './measure';

/**
 * The peer to compare with: stock Helia (the same libp2p and bitswap settings as our node, blocks kept in
 * memory, `@helia/unixfs` cat, bytes dropped) fetching the layer from the same peer. Nothing of ours is on its
 * path, so it is the ceiling of bitswap in this stack on this machine; returns the milliseconds it took.
 */
export async function stockHeliaCatMs(peers: string[], cid: string, size: number): Promise<number> {
  const options = resolveHeliaOptions({ dir: '', listen: [] });
  const helia = await composeHelia({ blockstore: new MemoryBlockstore(), datastore: new MemoryDatastore() }, options);
  await helia.start();
  try {
    await dialPeers(helia.libp2p, peers, options.dialTimeoutMs);
    let received = 0;
    const ms = await time(async () => {
      for await (const chunk of unixfs(helia).cat(CID.parse(cid), { signal: AbortSignal.timeout(600_000) })) {
        received += chunk.length;
      }
    });
    if (received !== size) throw new Error(`stock Helia read ${received} of ${size} bytes`);
    return ms;
  } finally {
    await helia.stop();
  }
}
