import type { RegistryClient, RegistryRef } from '../../registry/client-types';
import type { SignatureSource } from './ports';
import { referrersTag } from './referrers';
import { SIMPLE_SIGNING_MEDIA_TYPE, signatureTag } from './signature-manifest';

/** Signatures from the image's own repository through the registry client: verified bytes, size caps, auth. */
export function registrySignatureSource(
  client: RegistryClient,
  repository: { domain: string; path: string },
): SignatureSource {
  const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
  // Only a tag the registry does not have means "none" (one GET, no probe); every other failure stays a failure.
  const tagBytes = async (tag: string, signal?: AbortSignal) => {
    const ref: RegistryRef = { domain: repository.domain, path: repository.path, tag };
    return (await client.fetchManifest(ref, { ...withSignal(signal), ifPresent: true }))?.bytes;
  };
  return {
    fetchSignatureManifest: (digest, signal) => tagBytes(signatureTag(digest), signal),
    async fetchPayload(layer, signal) {
      const ref = { ...repository, digest: layer.digest, mediaType: SIMPLE_SIGNING_MEDIA_TYPE };
      return (await client.fetchBlob(ref, withSignal(signal))).bytes;
    },
    async fetchReferrers(digest, signal) {
      const api = await client.fetchReferrers({ ...repository, digest }, withSignal(signal));
      if (api !== undefined) return { via: 'api', bytes: api.bytes };
      const bytes = await tagBytes(referrersTag(digest), signal);
      return bytes === undefined ? undefined : { via: 'tag', bytes };
    },
    async fetchManifest(digest, signal) {
      return (await client.fetchManifest({ ...repository, digest }, withSignal(signal))).bytes;
    },
  };
}
