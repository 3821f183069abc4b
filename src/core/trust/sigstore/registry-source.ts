import type { RegistryClient, RegistryRef } from '../../registry/client-types';
import { RegistryError } from '../../registry/registry-error';
import type { SignatureSource } from './ports';
import { SIMPLE_SIGNING_MEDIA_TYPE, signatureTag } from './signature-manifest';

/** Signatures from the image's own repository through the registry client: verified bytes, size caps, auth. */
export function registrySignatureSource(
  client: RegistryClient,
  repository: { domain: string; path: string },
): SignatureSource {
  return {
    async fetchSignatureManifest(digest, signal) {
      const ref: RegistryRef = { domain: repository.domain, path: repository.path, tag: signatureTag(digest) };
      try {
        return (await client.fetchManifest(ref, signal ? { signal } : {})).bytes;
      } catch (error) {
        // Only a missing tag means "unsigned"; every other failure stays a failure.
        if (error instanceof RegistryError && error.code === 'REGISTRY_NOT_FOUND') return undefined;
        throw error;
      }
    },
    async fetchPayload(layer, signal) {
      const ref = { ...repository, digest: layer.digest, mediaType: SIMPLE_SIGNING_MEDIA_TYPE };
      return (await client.fetchBlob(ref, signal ? { signal } : {})).bytes;
    },
  };
}
