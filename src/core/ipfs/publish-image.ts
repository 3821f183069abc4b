import { computeDigest } from '../registry/digest';
import type { HashFunction } from '../registry/ports';
import type { IpfsBlobSink } from './blob-source';
import type { Descriptor } from './descriptor';
import { ipfsUrl } from './descriptor-cids';
import { documentKind, parseImageDocument, withChildren } from './image-document';
import { canonicalDescriptor, jsonBytes } from './descriptor-json';

/** How publishing reads an image: verified manifest bytes, and a blob's verified bytes as a stream. */
export interface ImageBlobReader {
  readManifest(descriptor: Descriptor, signal: AbortSignal): Promise<Uint8Array>;
  readBlob(descriptor: Descriptor, signal: AbortSignal): AsyncIterable<Uint8Array>;
}

export interface PublishedBlob {
  mediaType: string;
  /** The digest as published: a manifest's or index's digest changes (its descriptors gain `urls`). */
  digest: string;
  /** The digest the source had; equal to `digest` for configs and layers. */
  sourceDigest: string;
  size: number;
  cid: string;
}

export interface PublishedImage {
  /** `ipfs://<CID>` of the root descriptor, what `nerdctl pull` and `image-trust fetch` take. */
  reference: string;
  cid: string;
  root: Descriptor;
  /** Bottom-up, in the order they were added. */
  blobs: PublishedBlob[];
}

export interface PublishDeps {
  reader: ImageBlobReader;
  sink: IpfsBlobSink;
  hash: HashFunction;
}

/**
 * Publishes an image as nerdctl does (stargz-snapshotter ipfs/converter.go): every blob is added bottom-up —
 * layers and config, then each manifest, then the index — and every descriptor gets `urls: ["ipfs://<cid>"]`,
 * so manifests and the index are re-serialized (new digests) while configs and layers keep theirs. The image
 * CID names the JSON of the top descriptor, its own `urls` included.
 */
export async function publishImage(deps: PublishDeps, top: Descriptor, signal: AbortSignal): Promise<PublishedImage> {
  const blobs: PublishedBlob[] = [];
  const done = new Map<string, Promise<Descriptor>>();
  const publish = (descriptor: Descriptor): Promise<Descriptor> => {
    let published = done.get(descriptor.digest);
    if (published === undefined) {
      published = publishOne(deps, descriptor, signal, publish, blobs);
      done.set(descriptor.digest, published);
    }
    return published.then((p) => canonicalDescriptor({ ...descriptor, ...pick(p) }));
  };
  const root = await publish(top);
  const cid = await deps.sink.add(once(jsonBytes(root)), { signal });
  return { reference: ipfsUrl(cid), cid, root, blobs };
}

async function publishOne(
  deps: PublishDeps,
  descriptor: Descriptor,
  signal: AbortSignal,
  publish: (d: Descriptor) => Promise<Descriptor>,
  blobs: PublishedBlob[],
): Promise<Descriptor> {
  if (documentKind(descriptor) === undefined) {
    const cid = await deps.sink.add(deps.reader.readBlob(descriptor, signal), { signal });
    blobs.push({ ...summary(descriptor), sourceDigest: descriptor.digest, cid });
    return { ...descriptor, urls: [ipfsUrl(cid)] };
  }
  const document = parseImageDocument(await deps.reader.readManifest(descriptor, signal), descriptor);
  // One at a time: the sink sees blobs in nerdctl's bottom-up order, and a daemon is not flooded.
  const children: Descriptor[] = [];
  for (const child of document.children) children.push(await publish(child));
  const bytes = jsonBytes(withChildren(document, children));
  const digest = await computeDigest(deps.hash, 'sha256', bytes);
  const cid = await deps.sink.add(once(bytes), { signal });
  const published = { ...descriptor, digest, size: bytes.length, urls: [ipfsUrl(cid)] };
  blobs.push({ ...summary(published), sourceDigest: descriptor.digest, cid });
  return published;
}

// What publishing changes in a descriptor; the rest (platform, annotations) stays as the parent wrote it.
function pick(published: Descriptor) {
  return { digest: published.digest, size: published.size, urls: published.urls ?? [] };
}

function summary(d: Descriptor) {
  return { mediaType: d.mediaType, digest: d.digest, size: d.size };
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}
