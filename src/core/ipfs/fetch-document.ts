import { withAttempts, type BlobOrigin } from './blob-attempts';
import { readVerified, writeVerified } from './blob-verifier';
import { IPFS_DEFAULTS } from './defaults';
import type { Descriptor } from './descriptor';
import type { FetchDeps, FetchedBlob } from './fetch-types';
import { parseImageDocument } from './image-document';
import { IpfsError } from './ipfs-error';
import type { ImageBlobReader } from './publish-image';

/** A small blob read into memory and verified: a manifest, an index, or a config whose platform is checked. */
export interface ReadBlob {
  descriptor: Descriptor;
  bytes: Uint8Array;
  origin: BlobOrigin;
}

/** A manifest or index read into memory, verified, and parsed. */
export interface ReadDocument extends ReadBlob {
  document: ReturnType<typeof parseImageDocument>;
}

/** Reads a manifest or index (capped, like the registry client caps them) from IPFS or the fallback, verified. */
export async function readDocument(
  deps: FetchDeps,
  descriptor: Descriptor,
  signal: AbortSignal,
): Promise<ReadDocument> {
  const read = await readSmallBlob(deps, descriptor, signal, (reader) =>
    oneChunk(reader.readManifest(descriptor, signal)),
  );
  return { ...read, document: parseImageDocument(read.bytes, descriptor) };
}

/** Reads a config into memory (capped like a manifest), verified; the registry serves it as a blob. */
export function readConfig(deps: FetchDeps, descriptor: Descriptor, signal: AbortSignal): Promise<ReadBlob> {
  return readSmallBlob(deps, descriptor, signal, (reader) => reader.readBlob(descriptor, signal));
}

/** Writes a blob already verified into the store (verified again on the way: it is cheap). */
export async function storeDocument(deps: FetchDeps, read: ReadBlob, signal: AbortSignal): Promise<FetchedBlob> {
  signal.throwIfAborted();
  const { descriptor, bytes } = read;
  if (!(await deps.store.hasBlob(descriptor.digest, descriptor.size))) {
    const file = await deps.store.openBlob(descriptor.digest);
    await writeVerified(descriptor, oneChunk(Promise.resolve(bytes)), file, deps.createHash, 'memory');
  }
  deps.progress?.onBlob(descriptor, read.origin);
  return { descriptor, origin: read.origin };
}

async function readSmallBlob(
  deps: FetchDeps,
  descriptor: Descriptor,
  signal: AbortSignal,
  fallbackRead: (reader: ImageBlobReader) => AsyncIterable<Uint8Array>,
): Promise<ReadBlob> {
  if (descriptor.size > IPFS_DEFAULTS.maxDocumentBytes) {
    const message = `${descriptor.digest} claims ${descriptor.size} bytes, more than a manifest or config may have.`;
    throw new IpfsError('IPFS_DESCRIPTOR_INVALID', message, { digest: descriptor.digest });
  }
  const consume = (chunks: AsyncIterable<Uint8Array>, source: string) =>
    readVerified(descriptor, chunks, deps.createHash, source);
  const { value, origin } = await withAttempts(deps, descriptor, consume, signal, fallbackRead);
  return { descriptor, bytes: value, origin };
}

async function* oneChunk(bytes: Promise<Uint8Array>): AsyncIterable<Uint8Array> {
  yield await bytes;
}
