import { createHash } from 'node:crypto';
import { BaseBlockstore } from 'blockstore-core';
import type { Blockstore, Pair } from 'interface-blockstore';
import type { AbortOptions } from '@libp2p/interface';
import type { CID } from 'multiformats/cid';
import { IpfsError } from '../../core/ipfs/ipfs-error';

const SHA2_256 = 0x12;

/**
 * The on-disk blockstore with every read re-hashed against its CID. Helia checks blocks that arrive from the
 * network, never the ones it already holds; a cache on disk is not trusted more than the network, so a block
 * that no longer matches is deleted (the next fetch asks peers again) and the read fails with IPFS_BLOCK_INVALID.
 */
export class CheckedBlockstore extends BaseBlockstore {
  constructor(private readonly inner: Blockstore) {
    super();
  }

  override has(cid: CID, options?: AbortOptions) {
    return this.inner.has(cid, options);
  }

  override put(cid: CID, bytes: Parameters<Blockstore['put']>[1], options?: AbortOptions) {
    return this.inner.put(cid, bytes, options);
  }

  override async *get(cid: CID, options?: AbortOptions): AsyncGenerator<Uint8Array> {
    if (cid.multihash.code !== SHA2_256) {
      const message = `block ${cid} uses a hash this node cannot check (multihash 0x${cid.multihash.code.toString(16)}).`;
      throw new IpfsError('IPFS_UNSUPPORTED', message, { cid: cid.toString(), source: 'helia' });
    }
    const chunks: Uint8Array[] = [];
    const hash = createHash('sha256');
    for await (const chunk of this.inner.get(cid, options)) {
      hash.update(chunk);
      chunks.push(chunk);
    }
    if (!hash.digest().equals(cid.multihash.digest)) {
      await this.inner.delete(cid, options);
      const message = `the stored block ${cid} does not match its CID; it was removed, so the next fetch asks peers again.`;
      throw new IpfsError('IPFS_BLOCK_INVALID', message, { cid: cid.toString(), source: 'helia' });
    }
    yield* chunks;
  }

  override delete(cid: CID, options?: AbortOptions) {
    return this.inner.delete(cid, options);
  }

  override getAll(options?: AbortOptions): AsyncGenerator<Pair> | Generator<Pair> {
    return this.inner.getAll(options);
  }
}
