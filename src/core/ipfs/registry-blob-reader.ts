import type { RegistryClient, RegistryRef } from '../registry/client-types';
import { parseJsonDocument, type Descriptor } from './descriptor';
import type { CreateHash } from './ports';
import type { ImageBlobReader } from './publish-image';

/**
 * Reads an image's blobs from its registry repository, verified by the registry client. A blob streams through
 * (never whole in memory, never in the content cache); its last chunk comes only once size and digest match.
 */
export function registryBlobReader(
  client: RegistryClient,
  repository: { domain: string; path: string },
  createHash: CreateHash,
) {
  const reader: ImageBlobReader = {
    readManifest: async (descriptor, signal) => {
      const ref = { ...repository, digest: descriptor.digest };
      return (await client.fetchManifest(ref, { signal })).bytes;
    },
    readBlob: async function* (descriptor, signal) {
      const ref = { ...repository, digest: descriptor.digest, mediaType: descriptor.mediaType, size: descriptor.size };
      yield* client.fetchBlobStream(ref, { signal, createHash });
    },
  };
  return reader;
}

/** The descriptor of what a reference names, from the verified manifest or index bytes. */
export async function registryTopDescriptor(
  client: RegistryClient,
  ref: RegistryRef,
  signal: AbortSignal,
): Promise<Descriptor> {
  const fetched = await client.fetchManifest(ref, { signal });
  // The verified bytes name their own type; the Content-Type header is only a fallback.
  const named = parseJsonDocument(fetched.bytes, `the manifest ${fetched.digest}`).mediaType;
  const mediaType = typeof named === 'string' ? named : fetched.mediaType;
  return { mediaType, digest: fetched.digest, size: fetched.bytes.length };
}
