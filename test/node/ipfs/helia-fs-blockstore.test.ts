import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsBlockstore } from 'blockstore-fs';
import { CID } from 'multiformats/cid';
import { sha256 } from 'multiformats/hashes/sha2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileBlockstore } from '../../../src/node/ipfs/helia-fs-blockstore';

const RAW = 0x55;

async function rawBlock(size: number) {
  const bytes = new Uint8Array(randomBytes(size));
  return { cid: CID.createV1(RAW, await sha256.digest(bytes)), bytes };
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('the blockstore that reads a block in one go', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'image-trust-blocks-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads, as one chunk, a 256 KiB block that blockstore-fs wrote (an existing node directory keeps working)', async () => {
    const block = await rawBlock(256 * 1024);
    const original = new FsBlockstore(dir);
    await original.open();
    await original.put(block.cid, block.bytes);
    const store = new FileBlockstore(dir);
    await store.open();
    const chunks: Uint8Array[] = [];
    for await (const chunk of store.get(block.cid)) chunks.push(chunk);
    expect(chunks).toHaveLength(1);
    expect(Buffer.from(chunks[0] as Uint8Array).equals(block.bytes)).toBe(true);
  });

  it('writes blocks where blockstore-fs finds them', async () => {
    const block = await rawBlock(1000);
    const store = new FileBlockstore(dir);
    await store.open();
    await store.put(block.cid, block.bytes);
    const original = new FsBlockstore(dir);
    await original.open();
    expect((await collect(original.get(block.cid))).equals(block.bytes)).toBe(true);
    // Listed as blockstore-fs lists it: the multihash only (a CIDv0), whatever the codec was.
    const listed = async (blocks: FsBlockstore) => {
      const cids: string[] = [];
      for await (const pair of blocks.getAll()) cids.push(pair.cid.toString());
      return cids;
    };
    expect(await listed(store)).toEqual(await listed(original));
    expect(await listed(store)).toEqual([CID.createV0(block.cid.multihash).toString()]);
  });

  it('fails a missing block with the NotFoundError blockstore callers test for', async () => {
    const store = new FileBlockstore(dir);
    await store.open();
    const missing = await rawBlock(10);
    expect(await store.has(missing.cid)).toBe(false);
    await expect(collect(store.get(missing.cid))).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('ends a read when the caller aborts', async () => {
    const block = await rawBlock(1000);
    const store = new FileBlockstore(dir);
    await store.open();
    await store.put(block.cid, block.bytes);
    const signal = AbortSignal.abort(new Error('caller gave up'));
    await expect(collect(store.get(block.cid, { signal }))).rejects.toThrow('caller gave up');
  });
});
