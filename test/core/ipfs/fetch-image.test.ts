import { describe, expect, it } from 'vitest';
import type { Descriptor } from '../../../src/core/ipfs/descriptor';
import { fetchBlobInto, fetchImage, type FetchDeps } from '../../../src/core/ipfs/fetch-image';
import { publishImage, type ImageBlobReader } from '../../../src/core/ipfs/publish-image';
import { webCryptoHash } from '../../../src/core/registry/digest';
import { createNodeHash } from '../../../src/node/ipfs/node-hash';
import { MemoryBlockstore } from 'blockstore-core/memory';
import { createHttpTransport } from '../../../src/node/http-transport';
import { createGatewaySource } from '../../../src/node/ipfs/gateway-source';
import { startIpfsGateway } from '../../rig/ipfs-gateway';
import { faultyBlockstore, noFaults } from '../../rig/ipfs-gateway-faults';
import { blockstoreSink, blockstoreSource } from '../../rig/ipfs-gateway-store';
import { buildImage, buildSingleManifest, fixtureReader } from './image-fixture';
import { blobFiles, useTempLayouts } from './layout-dir';

const signal = new AbortController().signal;

/** An image published nerdctl-style into a blockstore, and a source over that blockstore with fault switches. */
async function published(layerSizes = [100 * 1024, 1536 * 1024]) {
  const image = buildImage(layerSizes);
  const sink = blockstoreSink();
  const result = await publishImage({ reader: fixtureReader(image), sink, hash: webCryptoHash }, image.top, signal);
  const faults = noFaults();
  const source = blockstoreSource(faultyBlockstore(sink.blockstore, faults));
  return { image, result, faults, source };
}

const layerCid = (p: Awaited<ReturnType<typeof published>>, index: number) =>
  p.result.blobs.find((b) => b.digest === p.image.layers[index]?.digest)?.cid ?? '';

describe('fetchImage', () => {
  const layout = useTempLayouts();
  const depsFor = (store: FetchDeps['store'], extra: Partial<FetchDeps>): FetchDeps => ({
    sources: [],
    store,
    createHash: createNodeHash,
    ...extra,
  });

  it('fetches every blob of a published image from IPFS, verified, and lists the index in index.json', async () => {
    const p = await published();
    const { dir, store } = await layout();
    const fetched = await fetchImage(depsFor(store, { sources: [p.source] }), p.result.root, { signal });
    expect(fetched.entries).toEqual([p.result.root]);
    expect(fetched.blobs.map((b) => b.origin.from)).toEqual(Array(6).fill('ipfs'));
    expect(await blobFiles(dir)).toEqual(p.result.blobs.map((b) => b.digest.replace(':', '/')).sort());
  });

  it('fetches one platform: its manifest is the entry and the index is not written', async () => {
    const p = await published();
    const { dir, store } = await layout();
    const options = { signal, platform: { os: 'linux', architecture: 'arm64' } };
    const fetched = await fetchImage(depsFor(store, { sources: [p.source] }), p.result.root, options);
    const arm64 = p.result.blobs.find((b) => b.sourceDigest === p.image.manifests[1]?.digest);
    expect(fetched.entries.map((e) => e.digest)).toEqual([arm64?.digest]);
    expect(await blobFiles(dir)).toHaveLength(4);
  });

  it('says IPFS_PLATFORM_NOT_FOUND for a platform the index lacks', async () => {
    const p = await published();
    const { store } = await layout();
    const options = { signal, platform: { os: 'linux', architecture: 's390x' } };
    const run = fetchImage(depsFor(store, { sources: [p.source] }), p.result.root, options);
    await expect(run).rejects.toMatchObject({ code: 'IPFS_PLATFORM_NOT_FOUND' });
  });

  describe('when the image is a single manifest and a platform is asked for', () => {
    const arm64 = { os: 'linux', architecture: 'arm64' };

    it('fetches it from IPFS when its config names that platform, the config read once', async () => {
      const image = buildSingleManifest({ ...arm64, variant: 'v8' });
      const sink = blockstoreSink();
      const result = await publishImage({ reader: fixtureReader(image), sink, hash: webCryptoHash }, image.top, signal);
      const { dir, store } = await layout();
      const source = blockstoreSource(sink.blockstore);
      const fetched = await fetchImage(depsFor(store, { sources: [source] }), result.root, { signal, platform: arm64 });
      expect(fetched.entries).toEqual([result.root]);
      expect(fetched.blobs.map((b) => b.origin.from)).toEqual(['ipfs', 'ipfs', 'ipfs']);
      expect(fetched.blobs.filter((b) => b.descriptor.digest === image.config.digest)).toHaveLength(1);
      expect(await blobFiles(dir)).toEqual(result.blobs.map((b) => b.digest.replace(':', '/')).sort());
    });

    it('refuses another platform with IPFS_PLATFORM_NOT_FOUND naming both, before any layer is read or a file written', async () => {
      const image = buildSingleManifest({ os: 'linux', architecture: 'amd64' });
      const fallback = fixtureReader(image);
      const { dir, store } = await layout();
      const run = fetchImage(depsFor(store, { fallback }), image.top, { signal, platform: arm64 });
      await expect(run).rejects.toMatchObject({
        code: 'IPFS_PLATFORM_NOT_FOUND',
        details: { expected: 'linux/arm64', actual: 'linux/amd64' },
      });
      expect(fallback.reads).toEqual([image.top.digest, image.config.digest]);
      expect(await blobFiles(dir)).toEqual([]);
    });

    it.each([
      ['linux/arm', { os: 'linux', architecture: 'arm' }, undefined],
      ['linux/arm/v7', { os: 'linux', architecture: 'arm', variant: 'v7' }, undefined],
      ['linux/arm/v6', { os: 'linux', architecture: 'arm', variant: 'v6' }, 'linux/arm/v7'],
    ])('compares the variant only when asked: %s of a linux/arm/v7 image', async (_, platform, refused) => {
      const image = buildSingleManifest({ os: 'linux', architecture: 'arm', variant: 'v7' });
      const { dir, store } = await layout();
      const run = fetchImage(depsFor(store, { fallback: fixtureReader(image) }), image.top, { signal, platform });
      if (refused === undefined) {
        expect((await run).entries).toEqual([image.top]);
        expect(await blobFiles(dir)).toHaveLength(3);
      } else {
        await expect(run).rejects.toMatchObject({ code: 'IPFS_PLATFORM_NOT_FOUND', details: { actual: refused } });
        expect(await blobFiles(dir)).toEqual([]);
      }
    });

    it('refuses a config that names no os and architecture (IPFS_PLATFORM_NOT_FOUND), writing nothing', async () => {
      const image = buildSingleManifest({ architecture: 'arm64' });
      const { dir, store } = await layout();
      const run = fetchImage(depsFor(store, { fallback: fixtureReader(image) }), image.top, {
        signal,
        platform: arm64,
      });
      await expect(run).rejects.toMatchObject({
        code: 'IPFS_PLATFORM_NOT_FOUND',
        details: { expected: 'linux/arm64' },
      });
      expect(await blobFiles(dir)).toEqual([]);
    });

    it('does not read the config first when no platform is asked for', async () => {
      const image = buildSingleManifest({});
      const fallback = fixtureReader(image);
      const { store } = await layout();
      const fetched = await fetchImage(depsFor(store, { fallback }), image.top, { signal });
      expect(fetched.blobs).toHaveLength(3);
      expect(fallback.reads.filter((d) => d === image.config.digest)).toHaveLength(1);
    });
  });

  describe('when a source serves a tampered block that its cat cannot detect', () => {
    it('rejects the layer with IPFS_DIGEST_MISMATCH and writes nothing for it', async () => {
      const p = await published();
      p.faults.tamper.add(layerCid(p, 0));
      const { dir, store } = await layout();
      const run = fetchImage(depsFor(store, { sources: [p.source] }), p.result.root, { signal });
      await expect(run).rejects.toMatchObject({ code: 'IPFS_DIGEST_MISMATCH' });
      expect(await blobFiles(dir)).not.toContain(p.image.layers[0]?.digest.replace(':', '/'));
      expect((await blobFiles(dir)).filter((f) => f.includes('partial'))).toEqual([]);
    });

    it('takes the layer from the registry fallback, verified, and says which attempt failed', async () => {
      const p = await published();
      p.faults.tamper.add(layerCid(p, 0));
      const { store } = await layout();
      const fallback = fixtureReader(p.image);
      const layer = p.image.layers[0] as Descriptor;
      const fetched = await fetchBlobInto(
        depsFor(store, { sources: [p.source], fallback }),
        withUrls(p, layer),
        signal,
      );
      expect(fetched.origin).toMatchObject({ from: 'registry', failed: [{ code: 'IPFS_DIGEST_MISMATCH' }] });
      expect(await store.hasBlob(layer.digest, layer.size)).toBe(true);
    });
  });

  it('rejects a CID mapped to another digest (IPFS_DIGEST_MISMATCH for same-size bytes)', async () => {
    const p = await published([1536 * 1024, 1536 * 1024]);
    const { dir, store } = await layout();
    const layer = { ...(p.image.layers[0] as Descriptor), urls: [`ipfs://${layerCid(p, 1)}`] };
    const sources = [p.source];
    const run = fetchBlobInto(depsFor(store, { sources }), { ...layer, size: layer.size + 1 }, signal);
    await expect(run).rejects.toMatchObject({ code: 'IPFS_SIZE_MISMATCH' });
    await expect(fetchBlobInto(depsFor(store, { sources }), layer, signal)).rejects.toMatchObject({
      code: 'IPFS_DIGEST_MISMATCH',
    });
    expect(await blobFiles(dir)).toEqual([]);
  });

  it('says IPFS_NO_CID for a blob with no ipfs:// URL that is too large to guess, when no fallback is allowed', async () => {
    const p = await published();
    const { store } = await layout();
    const layer = p.image.layers[1] as Descriptor;
    const run = fetchBlobInto(depsFor(store, { sources: [p.source] }), layer, signal);
    await expect(run).rejects.toMatchObject({ code: 'IPFS_NO_CID' });
  });

  it('tries the raw-CID guess after a wrong ipfs:// URL on a one-block blob', async () => {
    const p = await published([4096, 4096]);
    const { store } = await layout();
    const layer = { ...(p.image.layers[0] as Descriptor), urls: [`ipfs://${layerCid(p, 1)}`] };
    const fetched = await fetchBlobInto(depsFor(store, { sources: [p.source] }), layer, signal);
    expect(fetched.origin).toMatchObject({ from: 'ipfs', cid: layerCid(p, 0) });
    expect(fetched.origin.failed).toEqual([{ source: 'kubo-rpc', cid: layerCid(p, 1), code: 'IPFS_DIGEST_MISMATCH' }]);
  });

  it('gives a raw-CID guess a short deadline (IPFS_TIMEOUT), then takes the registry', async () => {
    const p = await published();
    const gateway = await startIpfsGateway(new MemoryBlockstore(), { tamper: new Set(), stall: true });
    const http = createHttpTransport();
    try {
      const { store } = await layout();
      const source = createGatewaySource({
        gateways: [gateway.url],
        transport: http.transport,
        createHash: createNodeHash,
      });
      const deps = depsFor(store, { sources: [source], fallback: fixtureReader(p.image), guessTimeoutMs: 200 });
      const started = performance.now();
      const fetched = await fetchBlobInto(deps, p.image.layers[0] as Descriptor, signal);
      expect(fetched.origin).toMatchObject({ from: 'registry', failed: [{ source: 'gateway', code: 'IPFS_TIMEOUT' }] });
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      http.close();
      await gateway.close();
    }
  });

  it('guesses the raw CID of a one-block blob that names no URL', async () => {
    const p = await published();
    const { store } = await layout();
    const fetched = await fetchBlobInto(
      depsFor(store, { sources: [p.source] }),
      p.image.layers[0] as Descriptor,
      signal,
    );
    expect(fetched.origin).toMatchObject({ from: 'ipfs', cid: layerCid(p, 0) });
  });

  it('fetches from the registry alone when no IPFS source is given, and keeps blobs already present', async () => {
    const p = await published();
    const { store } = await layout();
    const deps = depsFor(store, { fallback: fixtureReader(p.image) });
    const first = await fetchImage(deps, p.image.top, { signal });
    expect(new Set(first.blobs.map((b) => b.origin.from))).toEqual(new Set(['registry']));
    const second = await fetchImage(deps, p.image.top, { signal });
    expect(new Set(second.blobs.slice(4).map((b) => b.origin.from))).toEqual(new Set(['present']));
  });
});

function withUrls(p: Awaited<ReturnType<typeof published>>, layer: Descriptor): Descriptor {
  const cid = p.result.blobs.find((b) => b.digest === layer.digest)?.cid;
  return { ...layer, urls: [`ipfs://${cid}`] };
}

export type { ImageBlobReader };
