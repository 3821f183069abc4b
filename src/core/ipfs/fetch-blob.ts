import { withAttempts, type BlobOrigin } from './blob-attempts';
import { writeVerified } from './blob-verifier';
import type { Descriptor } from './descriptor';
import type { FetchDeps, FetchedBlob, FetchProgress } from './fetch-types';

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

async function* counted(chunks: AsyncIterable<Uint8Array>, progress: FetchProgress | undefined) {
  for await (const chunk of chunks) {
    progress?.onBytes(chunk.length);
    yield chunk;
  }
}
