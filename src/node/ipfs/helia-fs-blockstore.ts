import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AbortOptions } from '@libp2p/interface';
import { FsBlockstore } from 'blockstore-fs';
import { base32upper } from 'multiformats/bases/base32';
import { CID } from 'multiformats/cid';

/**
 * blockstore-fs's own layout (NextToLast: the base32upper multihash as the file name, its last two characters as
 * the directory, `.data`), spelled out here so that a block's path is known without its private strategy; an
 * existing node directory reads as before.
 */
export const blockFiles = {
  extension: '.data',
  encode(cid: CID) {
    const name = base32upper.encoder.encode(cid.multihash.bytes);
    return { dir: name.slice(-2), file: `${name}.data` };
  },
  decode(path: string) {
    const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.data$/, '');
    return CID.decode(base32upper.decoder.decode(name));
  },
};

/**
 * The on-disk blockstore with a block read in one `readFile`. blockstore-fs streams a block in 64 KiB reads, one
 * event-loop turn each: a node serving bitswap reads the wanted blocks one after another, so those turns, not
 * the disk, set the pace of every peer fetching from it (IPFS-NOTES §3, measured by `npm run bench ipfs`).
 */
export class FileBlockstore extends FsBlockstore {
  constructor(location: string) {
    super(location, { shardingStrategy: blockFiles });
  }

  override async *get(cid: CID, options?: AbortOptions): AsyncGenerator<Uint8Array> {
    const { dir, file } = blockFiles.encode(cid);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(join(this.path, dir, file), { signal: options?.signal });
    } catch (error) {
      options?.signal?.throwIfAborted();
      // The name interface-store's NotFoundError carries, which blockstore callers test for.
      throw Object.assign(new Error(`block ${cid} is not in ${this.path}`, { cause: error }), {
        name: 'NotFoundError',
      });
    }
    yield bytes;
  }
}
