import type { AbortOptions } from '@libp2p/interface';
import type { CID } from 'multiformats/cid';

/** What Helia's blockstores and interface-blockstore share: a block read as chunks. */
export interface BlockGetter {
  get(cid: CID, options?: AbortOptions): AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/** A block's bytes in one piece, whatever chunks the store yields them in. */
export async function blockBytes(store: BlockGetter, cid: CID, signal?: AbortSignal): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of store.get(cid, signal === undefined ? {} : { signal })) chunks.push(chunk);
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks);
}

/** A block this store holds, or `undefined`; never asks the network (a gateway serves only what it has). */
export async function heldBlockBytes(
  store: BlockGetter & { has(cid: CID): Promise<boolean> | boolean },
  cid: CID,
): Promise<Uint8Array | undefined> {
  return (await store.has(cid)) ? blockBytes(store, cid) : undefined;
}
