import { createHash, randomBytes } from 'node:crypto';
import type { ImageBlobReader } from '../../../src/core/ipfs/publish-image';
import type { Descriptor } from '../../../src/core/ipfs/descriptor';

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip';

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** An image built in memory with real bytes and real digests: an OCI index over one manifest per platform. */
export interface ImageFixture {
  blobs: Map<string, Uint8Array>;
  top: Descriptor;
  manifests: Descriptor[];
  layers: Descriptor[];
  config: Descriptor;
}

export function describe(mediaType: string, bytes: Uint8Array, extra: Partial<Descriptor> = {}): Descriptor {
  return { mediaType, digest: sha256(bytes), size: bytes.length, ...extra };
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** `layerSizes` bytes of random content each; two platforms share the layers and the config. */
export function buildImage(
  layerSizes: number[],
  platforms = ['amd64', 'arm64'],
  configPlatform: Record<string, unknown> = { architecture: 'amd64', os: 'linux' },
): ImageFixture {
  const blobs = new Map<string, Uint8Array>();
  const keep = (d: Descriptor, bytes: Uint8Array) => (blobs.set(d.digest, bytes), d);
  const layers = layerSizes.map((size) => {
    const bytes = new Uint8Array(randomBytes(size));
    return keep(describe(OCI_LAYER, bytes), bytes);
  });
  const configBytes = json({ ...configPlatform, rootfs: { type: 'layers', diff_ids: [] } });
  const config = keep(describe(OCI_CONFIG, configBytes), configBytes);
  const manifests = platforms.map((architecture) => {
    const bytes = json({ schemaVersion: 2, mediaType: OCI_MANIFEST, config, layers, annotations: { architecture } });
    return keep(describe(OCI_MANIFEST, bytes, { platform: { os: 'linux', architecture } }), bytes);
  });
  const indexBytes = json({ schemaVersion: 2, mediaType: OCI_INDEX, manifests });
  const top = keep(describe(OCI_INDEX, indexBytes), indexBytes);
  return { blobs, top, manifests, layers, config };
}

/** One manifest and no index, as a single-platform image is pushed; its config holds `configPlatform`. */
export function buildSingleManifest(configPlatform: Record<string, unknown>, layerSizes = [4096]): ImageFixture {
  const image = buildImage(layerSizes, ['amd64'], configPlatform);
  const { platform: _platform, ...top } = image.manifests[0] as Descriptor;
  return { ...image, top };
}

/** Reads the fixture's bytes; records what was read, in order. */
export function fixtureReader(image: ImageFixture): ImageBlobReader & { reads: string[] } {
  const reads: string[] = [];
  const bytesOf = (d: Descriptor) => {
    const bytes = image.blobs.get(d.digest);
    if (bytes === undefined) throw new Error(`no blob ${d.digest}`);
    reads.push(d.digest);
    return bytes;
  };
  return {
    reads,
    readManifest: async (d) => bytesOf(d),
    readBlob: async function* (d) {
      yield bytesOf(d);
    },
  };
}
