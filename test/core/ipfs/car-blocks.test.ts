import { CarWriter } from '@ipld/car/writer';
import { describe, expect, it } from 'vitest';
import { readCarBlocks } from '../../../src/core/ipfs/car-blocks';
import { rawCidForDigest, parseCid } from '../../../src/core/ipfs/digest-cid';
import { sha256 } from './image-fixture';

const block = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  return { cid: parseCid(rawCidForDigest(sha256(bytes), bytes.length) ?? ''), bytes };
};

async function carBytes(blocks: { cid: ReturnType<typeof parseCid>; bytes: Uint8Array }[]): Promise<Uint8Array> {
  const { writer, out } = CarWriter.create(blocks.slice(0, 1).map((b) => b.cid));
  const parts: Uint8Array[] = [];
  const collected = (async () => {
    for await (const part of out) parts.push(part);
  })();
  for (const b of blocks) await writer.put(b);
  await writer.close();
  await collected;
  return new Uint8Array(Buffer.concat(parts));
}

async function* chunked(bytes: Uint8Array, size = 5) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(bytes: Uint8Array) {
  const blocks = [];
  for await (const b of readCarBlocks(chunked(bytes), 'test')) blocks.push(b);
  return blocks;
}

describe('readCarBlocks', () => {
  const blocks = [block('first block'), block('second block')];

  it('yields the blocks of a CARv1 in order, across arbitrary chunk boundaries', async () => {
    const read = await readAll(await carBytes(blocks));
    expect(read.map((b) => [b.cid.toString(), new TextDecoder().decode(b.bytes)])).toEqual(
      blocks.map((b) => [b.cid.toString(), new TextDecoder().decode(b.bytes)]),
    );
  });

  it('fails with IPFS_CAR_INVALID when the CAR is cut short', async () => {
    const car = await carBytes(blocks);
    await expect(readAll(car.subarray(0, car.length - 4))).rejects.toMatchObject({ code: 'IPFS_CAR_INVALID' });
    await expect(readAll(new TextEncoder().encode('not a car'))).rejects.toMatchObject({ code: 'IPFS_CAR_INVALID' });
  });

  it('refuses a section that announces more than the block cap before reading it (IPFS_BLOCK_TOO_LARGE)', async () => {
    const header = await carBytes([]);
    const lie = Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x04]); // varint 2^30: a 1 GiB section
    const car = new Uint8Array([...header, ...lie, 1, 2, 3]);
    await expect(readAll(car)).rejects.toMatchObject({ code: 'IPFS_BLOCK_TOO_LARGE' });
  });

  it("passes the stream's own failure on (the source names it), rather than calling the CAR malformed", async () => {
    const car = await carBytes(blocks);
    const failure = new Error('connection reset');
    async function* broken() {
      yield car.subarray(0, 10);
      throw failure;
    }
    const read = async () => {
      for await (const _ of readCarBlocks(broken(), 'test')) void _;
    };
    await expect(read()).rejects.toBe(failure);
  });
});
