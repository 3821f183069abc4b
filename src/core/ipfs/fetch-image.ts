import { withAttempts, type AttemptDeps, type BlobOrigin } from './blob-attempts';
import { readVerified, writeVerified } from './blob-verifier';
import { IPFS_DEFAULTS } from './defaults';
import type { Descriptor } from './descriptor';
import { documentKind, parseImageDocument } from './image-document';
import { IpfsError } from './ipfs-error';
import { selectPlatform, type PlatformWanted } from './platform-select';
import type { BlobStore, CreateHash } from './ports';
import { runPool } from './run-pool';

/** What a fetch reports as it goes: bytes as they arrive (any attempt), and each blob when it is committed. */
export interface FetchProgress {
  onTotal(bytes: number): void;
  onBytes(bytes: number): void;
  onBlob(descriptor: Descriptor, origin: BlobOrigin): void;
}

export interface FetchDeps extends AttemptDeps {
  store: BlobStore;
  createHash: CreateHash;
  progress?: FetchProgress;
}

export interface FetchedBlob {
  descriptor: Descriptor;
  origin: BlobOrigin;
}

export interface FetchedImage {
  /** What the layout's index.json lists: the top descriptor, or the one platform's manifest. */
  entries: Descriptor[];
  blobs: FetchedBlob[];
}

/**
 * Fetches an image into a blob store: the top document, then each manifest (each verified by its digest before
 * any CID inside it is trusted), then configs and layers, every blob verified before it is committed.
 */
export async function fetchImage(
  deps: FetchDeps,
  top: Descriptor,
  options: { platform?: PlatformWanted; signal: AbortSignal },
): Promise<FetchedImage> {
  const topDocument = await readDocument(deps, top, options.signal);
  const isIndex = topDocument.document.kind === 'index';
  const chosen = isIndex ? chooseManifests(topDocument.document.children, options.platform) : [top];
  const manifests = isIndex ? await inOrder(chosen, (m) => readDocument(deps, m, options.signal)) : [topDocument];
  // With a platform, the layout names that platform's manifest; otherwise what was asked for, index and all.
  const entries = isIndex && options.platform !== undefined ? chosen : [top];
  const documents = isIndex && entries[0] === top ? [topDocument, ...manifests] : manifests;
  const stored = await inOrder(documents, (d) => storeDocument(deps, d, options.signal));
  const layers = uniqueByDigest(manifests.flatMap((d) => d.document.children));
  deps.progress?.onTotal(layers.reduce((sum, d) => sum + d.size, 0));
  const stop = new AbortController();
  const signal = AbortSignal.any([options.signal, stop.signal]);
  const fetched = await runPool(
    layers,
    IPFS_DEFAULTS.blobConcurrency,
    (d) => fetchBlobInto(deps, d, signal),
    () => stop.abort(),
  );
  return { entries, blobs: [...stored, ...fetched] };
}

// An index's manifests (not nested indexes or artifacts without a manifest type); one when a platform is asked.
function chooseManifests(children: Descriptor[], platform: PlatformWanted | undefined): Descriptor[] {
  const manifests = children.filter((c) => documentKind(c) === 'manifest');
  return platform === undefined ? manifests : selectPlatform(manifests, platform);
}

async function inOrder<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await task(item));
  return results;
}

/** One config or layer, streamed into the store, verified; a blob already there is not fetched again. */
export async function fetchBlobInto(
  deps: FetchDeps,
  descriptor: Descriptor,
  signal: AbortSignal,
): Promise<FetchedBlob> {
  if (await deps.store.hasBlob(descriptor.digest, descriptor.size)) {
    const origin: BlobOrigin = { from: 'present', failed: [] };
    deps.progress?.onBlob(descriptor, origin);
    return { descriptor, origin };
  }
  const consume = async (chunks: AsyncIterable<Uint8Array>, source: string) =>
    writeVerified(
      descriptor,
      counted(chunks, deps.progress),
      await deps.store.openBlob(descriptor.digest),
      deps.createHash,
      source,
    );
  const { origin } = await withAttempts(deps, descriptor, consume, signal, (r) => r.readBlob(descriptor, signal));
  deps.progress?.onBlob(descriptor, origin);
  return { descriptor, origin };
}

interface ReadDocument {
  descriptor: Descriptor;
  bytes: Uint8Array;
  document: ReturnType<typeof parseImageDocument>;
  origin: BlobOrigin;
}

async function readDocument(deps: FetchDeps, descriptor: Descriptor, signal: AbortSignal): Promise<ReadDocument> {
  if (descriptor.size > IPFS_DEFAULTS.maxDocumentBytes) {
    const message = `${descriptor.digest} claims ${descriptor.size} bytes, more than a manifest may have.`;
    throw new IpfsError('IPFS_DESCRIPTOR_INVALID', message, { digest: descriptor.digest });
  }
  const consume = (chunks: AsyncIterable<Uint8Array>, source: string) =>
    readVerified(descriptor, chunks, deps.createHash, source);
  const { value, origin } = await withAttempts(deps, descriptor, consume, signal, (reader) =>
    oneChunk(reader.readManifest(descriptor, signal)),
  );
  return { descriptor, bytes: value, document: parseImageDocument(value, descriptor), origin };
}

async function storeDocument(deps: FetchDeps, read: ReadDocument, signal: AbortSignal): Promise<FetchedBlob> {
  signal.throwIfAborted();
  const { descriptor, bytes } = read;
  if (!(await deps.store.hasBlob(descriptor.digest, descriptor.size))) {
    const file = await deps.store.openBlob(descriptor.digest);
    await writeVerified(descriptor, oneChunk(Promise.resolve(bytes)), file, deps.createHash, 'memory');
  }
  deps.progress?.onBlob(descriptor, read.origin);
  return { descriptor, origin: read.origin };
}

async function* oneChunk(bytes: Promise<Uint8Array>): AsyncIterable<Uint8Array> {
  yield await bytes;
}

async function* counted(chunks: AsyncIterable<Uint8Array>, progress: FetchProgress | undefined) {
  for await (const chunk of chunks) {
    progress?.onBytes(chunk.length);
    yield chunk;
  }
}

function uniqueByDigest(descriptors: Descriptor[]): Descriptor[] {
  return [...new Map(descriptors.map((d) => [d.digest, d])).values()];
}
