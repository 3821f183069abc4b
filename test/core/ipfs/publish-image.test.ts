import { exporter } from 'ipfs-unixfs-exporter';
import { describe as suite, expect, it } from 'vitest';
import { parseCid, rawCidForDigest } from '../../../src/core/ipfs/digest-cid';
import { publishImage } from '../../../src/core/ipfs/publish-image';
import { webCryptoHash } from '../../../src/core/registry/digest';
import { blockstoreSink } from '../../rig/ipfs-gateway-store';
import { buildImage, fixtureReader, OCI_CONFIG, OCI_INDEX, OCI_LAYER, OCI_MANIFEST, sha256 } from './image-fixture';

async function catFromStore(sink: ReturnType<typeof blockstoreSink>, cid: string): Promise<Uint8Array> {
  const entry = await exporter(parseCid(cid), sink.blockstore);
  if (entry.type !== 'file' && entry.type !== 'raw') throw new Error(`${cid} is a ${entry.type}`);
  const chunks: Uint8Array[] = [];
  for await (const chunk of entry.content()) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

async function publish(image: ReturnType<typeof buildImage>, reader = fixtureReader(image)) {
  const sink = blockstoreSink();
  const published = await publishImage({ reader, sink, hash: webCryptoHash }, image.top, signal);
  return { sink, published };
}

const cidOf = (urls: string[] | undefined) => (urls?.[0] ?? '').replace('ipfs://', '');
const signal = new AbortController().signal;

suite('publishImage', () => {
  suite('given an OCI index over two manifests sharing a small and a multi-block layer', () => {
    const image = buildImage([100 * 1024, 600 * 1024]);

    it('adds every blob bottom-up and names the root descriptor by a raw-block CID', async () => {
      const { sink, published } = await publish(image);
      const types = published.blobs.map((b) => b.mediaType);
      expect(types).toEqual([OCI_CONFIG, OCI_LAYER, OCI_LAYER, OCI_MANIFEST, OCI_MANIFEST, OCI_INDEX]);
      expect(published.blobs.at(-1)?.sourceDigest).toBe(image.top.digest);
      expect(sink.added.at(-1)).toBe(published.cid);
      expect(published.reference).toBe(`ipfs://${published.cid}`);
      expect(parseCid(published.cid).code).toBe(0x55);
      const root = JSON.parse(new TextDecoder().decode(await catFromStore(sink, published.cid)));
      expect(root).toEqual(published.root);
      expect(Object.keys(root)).toEqual(['mediaType', 'digest', 'size', 'urls']);
    });

    it('keeps layer and config digests, changes manifest and index digests, and every CID serves its bytes', async () => {
      const { sink, published } = await publish(image);
      const index = await catFromStore(sink, cidOf(published.root.urls));
      expect(sha256(index)).toBe(published.root.digest);
      expect(published.root.digest).not.toBe(image.top.digest);
      const manifests = JSON.parse(new TextDecoder().decode(index)).manifests;
      expect(manifests.map((m: { platform: unknown }) => m.platform)).toEqual(image.manifests.map((m) => m.platform));
      for (const m of manifests) {
        const bytes = await catFromStore(sink, cidOf(m.urls));
        expect(sha256(bytes)).toBe(m.digest);
        const doc = JSON.parse(new TextDecoder().decode(bytes));
        expect(doc.config.digest).toBe(image.config.digest);
        expect(doc.layers.map((l: { digest: string }) => l.digest)).toEqual(image.layers.map((l) => l.digest));
        for (const blob of [doc.config, ...doc.layers]) {
          expect(sha256(await catFromStore(sink, cidOf(blob.urls)))).toBe(blob.digest);
        }
      }
    });

    it('adds a shared layer once, and a one-block layer gets the raw CID its digest names', async () => {
      const reader = fixtureReader(image);
      const { published } = await publish(image, reader);
      expect(reader.reads.filter((d) => d === image.layers[0]?.digest)).toHaveLength(1);
      const [small, large] = image.layers.map((l) => published.blobs.find((b) => b.digest === l.digest));
      expect(small?.cid).toBe(rawCidForDigest(small?.digest ?? '', small?.size ?? 0));
      expect(parseCid(large?.cid ?? '').code).toBe(0x70);
    });
  });

  suite('when a manifest is not a manifest', () => {
    it('fails with IPFS_DESCRIPTOR_INVALID before adding it', async () => {
      const image = buildImage([10]);
      const [manifest] = image.manifests;
      if (manifest === undefined) throw new Error('the fixture has manifests');
      image.blobs.set(manifest.digest, new TextEncoder().encode('{"schemaVersion":2}'));
      const sink = blockstoreSink();
      const run = publishImage({ reader: fixtureReader(image), sink, hash: webCryptoHash }, image.top, signal);
      await expect(run).rejects.toMatchObject({ code: 'IPFS_DESCRIPTOR_INVALID' });
      expect(sink.added).toEqual([]);
    });
  });
});
