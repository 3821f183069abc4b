import { describe, expect, it } from 'vitest';
import { fetchRootDescriptor } from '../../../src/core/ipfs/root-descriptor';
import { publishImage } from '../../../src/core/ipfs/publish-image';
import { webCryptoHash } from '../../../src/core/registry/digest';
import { createNodeHash } from '../../../src/node/ipfs/node-hash';
import { faultyBlockstore, noFaults } from '../../rig/ipfs-gateway-faults';
import { blockstoreSink, blockstoreSource } from '../../rig/ipfs-gateway-store';
import { buildImage, fixtureReader } from './image-fixture';

const signal = new AbortController().signal;

async function publishedRoot() {
  const image = buildImage([2000]);
  const sink = blockstoreSink();
  const result = await publishImage({ reader: fixtureReader(image), sink, hash: webCryptoHash }, image.top, signal);
  const faults = noFaults();
  return { image, result, faults, source: blockstoreSource(faultyBlockstore(sink.blockstore, faults)) };
}

describe('fetchRootDescriptor', () => {
  it('reads the descriptor an image CID names', async () => {
    const p = await publishedRoot();
    const root = await fetchRootDescriptor([p.source], p.result.cid, createNodeHash, signal);
    expect(root.descriptor).toEqual(p.result.root);
  });

  it('refuses a tampered root block with IPFS_BLOCK_INVALID', async () => {
    const p = await publishedRoot();
    p.faults.tamper.add(p.result.cid);
    const run = fetchRootDescriptor([p.source], p.result.cid, createNodeHash, signal);
    await expect(run).rejects.toMatchObject({ code: 'IPFS_BLOCK_INVALID' });
  });

  it('refuses a CID that names a layer, not a descriptor, with IPFS_DESCRIPTOR_INVALID', async () => {
    const p = await publishedRoot();
    const layer = p.result.blobs[1]?.cid ?? '';
    const run = fetchRootDescriptor([p.source], layer, createNodeHash, signal);
    await expect(run).rejects.toMatchObject({ code: 'IPFS_DESCRIPTOR_INVALID' });
  });

  it('says IPFS_NOT_FOUND when no source has it', async () => {
    const p = await publishedRoot();
    const other = await publishedRoot();
    const run = fetchRootDescriptor([p.source], other.result.cid, createNodeHash, signal);
    await expect(run).rejects.toMatchObject({ code: 'IPFS_NOT_FOUND' });
  });
});
