import { MemoryBlockstore } from 'blockstore-core/memory';
import type { Blockstore } from 'interface-blockstore';
import { fixedSize } from 'ipfs-unixfs-importer/chunker';
import { balanced } from 'ipfs-unixfs-importer/layout';
import { importByteStream } from 'ipfs-unixfs-importer';
import { CID } from 'multiformats/cid';
import type { IpfsBlobSink, IpfsBlobSource } from '../../src/core/ipfs/blob-source';
import { IpfsError } from '../../src/core/ipfs/ipfs-error';
import { exporter } from 'ipfs-unixfs-exporter';
import { heldBlockBytes } from '../../src/node/ipfs/block-bytes';

/** Kubo's `ipfs add --cid-version=1` defaults: raw leaves, 256 KiB chunks, balanced DAG of 174 links. */
export const KUBO_ADD_DEFAULTS = { chunkSize: 256 * 1024, maxChildrenPerNode: 174 };

/** Adds bytes to a blockstore as a UnixFS file, the way `ipfs add --cid-version=1` does; returns the root CID. */
export async function addFile(
  blockstore: Pick<Blockstore, 'put'>,
  bytes: Uint8Array | AsyncIterable<Uint8Array>,
  chunkSize = KUBO_ADD_DEFAULTS.chunkSize,
): Promise<CID> {
  const stream = bytes instanceof Uint8Array ? [bytes] : bytes;
  const result = await importByteStream(stream, blockstore, {
    cidVersion: 1,
    rawLeaves: true,
    chunker: fixedSize({ chunkSize }),
    layout: balanced({ maxChildrenPerNode: KUBO_ADD_DEFAULTS.maxChildrenPerNode }),
  });
  return result.cid;
}

/** One block's bytes; `undefined` when the blockstore has none. */
export const readBlock = (blockstore: Blockstore, cid: CID) => heldBlockBytes(blockstore, cid);

/** A sink that adds straight into a blockstore (what a Kubo daemon does behind `/api/v0/add`). */
export function blockstoreSink(blockstore: Blockstore = new MemoryBlockstore()): IpfsBlobSink & {
  blockstore: Blockstore;
  added: string[];
} {
  const added: string[] = [];
  return {
    name: 'kubo-rpc',
    blockstore,
    added,
    add: async (bytes) => {
      const cid = (await addFile(blockstore, bytes)).toString();
      added.push(cid);
      return cid;
    },
  };
}

export { CID, MemoryBlockstore };

/** A source reading UnixFS files straight from a blockstore, unchecked, as a daemon's `cat` does. */
export function blockstoreSource(blockstore: Blockstore): IpfsBlobSource & { reads: string[] } {
  const reads: string[] = [];
  return {
    name: 'kubo-rpc',
    reads,
    cat: async function* (cid) {
      reads.push(cid);
      const parsed = CID.parse(cid);
      if (!(await blockstore.has(parsed))) {
        throw new IpfsError('IPFS_NOT_FOUND', `no ${cid}`, { cid });
      }
      const entry = await exporter(parsed, blockstore);
      if (entry.type !== 'file' && entry.type !== 'raw') throw new Error(`${cid} is a ${entry.type}`);
      yield* entry.content();
    },
  };
}
