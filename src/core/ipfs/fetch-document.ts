import { withAttempts, type BlobOrigin } from './blob-attempts';
import { readVerified, writeVerified } from './blob-verifier';
import { IPFS_DEFAULTS } from './defaults';
import type { Descriptor } from './descriptor';
import type { FetchDeps, FetchedBlob } from './fetch-types';
import { parseImageDocument } from './image-document';
import { IpfsError } from './ipfs-error';

/** A manifest or index read into memory, verified, and parsed. */
export interface ReadDocument {
  descriptor: Descriptor;
  bytes: Uint8Array;
  document: ReturnType<typeof parseImageDocument>;
  origin: BlobOrigin;
}

/** Reads a manifest or index (capped, like the registry client caps them) from IPFS or the fallback, verified. */
export async function readDocument(
  deps: FetchDeps,
  descriptor: Descriptor,
  signal: AbortSignal,
): Promise<ReadDocument> {
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

/** Writes a document already verified into the store (verified again on the way: it is cheap). */
export async function storeDocument(deps: FetchDeps, read: ReadDocument, signal: AbortSignal): Promise<FetchedBlob> {
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
