import { join } from 'node:path';
import { MemoryBlockstore } from 'blockstore-core/memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishImage, type PublishedImage } from '../../src/core/ipfs/publish-image';
import { registryBlobReader, registryTopDescriptor } from '../../src/core/ipfs/registry-blob-reader';
import { webCryptoHash } from '../../src/core/registry/digest';
import { defaultHeliaDir } from '../../src/node/ipfs/helia-options';
import { createNodeHash } from '../../src/node/ipfs/node-hash';
import { createNodeRegistryClient } from '../../src/node/node-registry-client';
import { heliaNodes } from '../node/ipfs/helia-fixtures';
import { startIpfsGateway, type IpfsTestServer } from '../rig/ipfs-gateway';
import { injectRig } from '../rig/inject-rig';
import { fetchCli, pinned, run, tempWork } from './ipfs-fetch-support';

const rig = injectRig();
const nodes = heliaNodes();
let work: Awaited<ReturnType<typeof tempWork>>;
let image: PublishedImage;
let gateway: IpfsTestServer;
let peer: string;

// Node A, a real Helia node, publishes a rig image; the test gateway serves A's own blockstore.
beforeAll(async () => {
  work = await tempWork();
  const blockstore = new MemoryBlockstore();
  const a = await nodes.start({}, { blockstore });
  peer = a.node.addresses()[0] as string;
  gateway = await startIpfsGateway(blockstore);
  const { client, close } = createNodeRegistryClient({ allowCredentialHelpers: false, diskCache: false, env: {} });
  try {
    const ref = { domain: rig.registries.http.host, path: 'demo/app', digest: pinned(rig, 'multi').digest };
    const signal = AbortSignal.timeout(20_000);
    const reader = registryBlobReader(client, ref, createNodeHash);
    image = await publishImage(
      { reader, sink: a.node.sink, hash: webCryptoHash },
      await registryTopDescriptor(client, ref, signal),
      signal,
    );
  } finally {
    close();
  }
});
afterAll(async () => {
  await gateway?.close();
  await nodes.stopAll();
  await work?.remove();
});

describe('image-trust fetch from a Helia node', () => {
  it('dials the peer given with --ipfs-peer and fetches over bitswap, verified, into a layout skopeo reads', async () => {
    const out = join(work.dir, 'over-bitswap');
    const args = ['--ipfs-peer', peer, '--ipfs-dir', join(work.dir, 'node-b'), '--output', out];
    const { status, report } = await fetchCli(work.dir, image.reference, ...args);
    expect(status).toBe(0);
    expect(new Set(report?.blobs.map((b) => `${b.from} ${b.source}`))).toEqual(new Set(['ipfs helia']));
    expect(JSON.parse((await run('skopeo', ['inspect', '--raw', `oci:${out}`])).stdout).manifests).toHaveLength(2);
  });

  it('uses a throw-away node directory when the default one is held by a running node', async () => {
    const env = { HOME: work.dir, XDG_CACHE_HOME: join(work.dir, 'cache') };
    await nodes.start({ dir: defaultHeliaDir(env, work.dir) });
    const out = join(work.dir, 'beside-a-running-node');
    const { status, report } = await fetchCli(work.dir, image.reference, '--ipfs-peer', peer, '--output', out);
    expect(status).toBe(0);
    expect(report?.blobs.every((b) => b.source === 'helia')).toBe(true);
  });

  it("serves the same node's blocks through the trustless gateway", async () => {
    const out = join(work.dir, 'over-gateway');
    const { status, report } = await fetchCli(
      work.dir,
      image.reference,
      '--ipfs-gateway',
      gateway.url,
      '--output',
      out,
    );
    expect(status).toBe(0);
    expect(report?.entries).toEqual([image.root.digest]);
    expect(report?.blobs.every((b) => b.source === 'gateway')).toBe(true);
  });
});
