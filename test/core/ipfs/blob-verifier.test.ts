import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readVerified, writeVerified } from '../../../src/core/ipfs/blob-verifier';
import { createNodeHash } from '../../../src/node/ipfs/node-hash';
import { describe as descriptorOf, OCI_LAYER } from './image-fixture';
import { blobFiles, useTempLayouts } from './layout-dir';

const bytes = new TextEncoder().encode('layer bytes, verified before they are written');
const layer = descriptorOf(OCI_LAYER, bytes);

async function* chunksOf(data: Uint8Array, size = 7, seen: number[] = []) {
  for (let i = 0; i < data.length; i += size) {
    seen.push(i);
    yield data.subarray(i, i + size);
  }
}

describe('writeVerified', () => {
  const open = useTempLayouts();

  it('commits bytes of the right size and digest under blobs/<alg>/<hex>', async () => {
    const { dir, store } = await open();
    await writeVerified(layer, chunksOf(bytes), await store.openBlob(layer.digest), createNodeHash, 'test');
    expect(await blobFiles(dir)).toEqual([layer.digest.replace(':', '/')]);
    expect(await store.hasBlob(layer.digest, layer.size)).toBe(true);
  });

  it('accepts a sha512 digest (OCI allows it)', async () => {
    const { dir, store } = await open();
    const sha512 = { ...layer, digest: `sha512:${createHash('sha512').update(bytes).digest('hex')}` };
    await writeVerified(sha512, chunksOf(bytes), await store.openBlob(sha512.digest), createNodeHash, 'test');
    expect(await blobFiles(dir)).toEqual([sha512.digest.replace(':', '/')]);
  });

  it.each([
    ['other bytes of the same size', bytes.map((b) => b ^ 1), 'IPFS_DIGEST_MISMATCH'],
    ['truncated bytes', bytes.subarray(0, 20), 'IPFS_SIZE_MISMATCH'],
    ['bytes beyond the size', new Uint8Array([...bytes, 1, 2, 3]), 'IPFS_SIZE_MISMATCH'],
  ])('refuses %s with %s and leaves no file', async (_what, sent, code) => {
    const { dir, store } = await open();
    const run = writeVerified(layer, chunksOf(sent), await store.openBlob(layer.digest), createNodeHash, 'test');
    await expect(run).rejects.toMatchObject({ code });
    expect(await blobFiles(dir)).toEqual([]);
  });

  it('stops reading as soon as the bytes exceed the size', async () => {
    const { store } = await open();
    const seen: number[] = [];
    const endless = chunksOf(new Uint8Array(10 * layer.size), layer.size, seen);
    const run = writeVerified(layer, endless, await store.openBlob(layer.digest), createNodeHash, 'test');
    await expect(run).rejects.toMatchObject({ code: 'IPFS_SIZE_MISMATCH' });
    expect(seen).toHaveLength(2);
  });
});

describe('readVerified', () => {
  it('returns verified bytes and refuses others', async () => {
    expect(await readVerified(layer, chunksOf(bytes), createNodeHash, 'test')).toEqual(bytes);
    const other = readVerified(layer, chunksOf(bytes.map((b) => b ^ 1)), createNodeHash, 'test');
    await expect(other).rejects.toMatchObject({ code: 'IPFS_DIGEST_MISMATCH' });
  });
});
