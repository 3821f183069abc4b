import { createCipheriv, createHash } from 'node:crypto';
import { join } from 'node:path';
import { FsBlockstore } from 'blockstore-fs';
import type { Descriptor } from '../../src/core/ipfs/descriptor';
import { publishImage, type ImageBlobReader } from '../../src/core/ipfs/publish-image';
import { webCryptoHash } from '../../src/core/registry/digest';
import { blockstoreSink } from '../rig/ipfs-gateway-store';

const MIB = 1024 * 1024;
const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const sha256 = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** `size` pseudo-random bytes (an AES-CTR keystream), the same every time, produced 1 MiB at a time. */
export async function* layerBytes(size: number): AsyncGenerator<Uint8Array> {
  const cipher = createCipheriv('aes-256-ctr', Buffer.alloc(32, 7), Buffer.alloc(16, 0));
  for (let left = size; left > 0; left -= MIB) yield new Uint8Array(cipher.update(Buffer.alloc(Math.min(MIB, left))));
}

async function layerDigest(size: number): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of layerBytes(size)) hash.update(chunk);
  return `sha256:${hash.digest('hex')}`;
}

/** The documents of a one-layer image whose layer is `layerBytes(size)`. */
export async function oneLayerImage(size: number) {
  const layer: Descriptor = {
    mediaType: 'application/vnd.oci.image.layer.v1.tar',
    digest: await layerDigest(size),
    size,
  };
  const config = json({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [layer.digest] } });
  const configDescriptor = {
    mediaType: 'application/vnd.oci.image.config.v1+json',
    digest: sha256(config),
    size: config.length,
  };
  const mediaType = 'application/vnd.oci.image.manifest.v1+json';
  const manifest = json({ schemaVersion: 2, mediaType, config: configDescriptor, layers: [layer] });
  const top: Descriptor = { mediaType, digest: sha256(manifest), size: manifest.length };
  return { layer, config, configDescriptor, manifest, top };
}

/**
 * A one-layer image of `size` bytes published nerdctl-style into an on-disk blockstore under `dir`: the layer
 * streams from its generator into the store, so neither side holds it in memory.
 */
export async function publishLargeImage(dir: string, size: number) {
  const store = new FsBlockstore(join(dir, `blocks-${size}`));
  await store.open();
  const { layer, config, configDescriptor, manifest, top } = await oneLayerImage(size);
  const small = new Map([
    [configDescriptor.digest, config],
    [top.digest, manifest],
  ]);
  const reader: ImageBlobReader = {
    readManifest: async () => manifest,
    readBlob: (d) =>
      d.digest === layer.digest
        ? layerBytes(size)
        : (async function* () {
            yield small.get(d.digest) as Uint8Array;
          })(),
  };
  const sink = blockstoreSink(store);
  const image = await publishImage({ reader, sink, hash: webCryptoHash }, top, AbortSignal.timeout(120_000));
  return { store, image, layer, close: () => store.close() };
}
