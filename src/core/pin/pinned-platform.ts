import type { RegistryClient } from '../registry/client-types';
import { parseConfigDescriptor, parseImagePlatform, type ImagePlatform } from '../registry/image-config';
import { parseManifest } from '../registry/manifest';

export interface PinnedManifest {
  domain: string;
  path: string;
  digest: string;
}

/**
 * The platform of a pinned single-platform manifest, read from its config blob (an image manifest does not
 * name its platform; only an index entry or the config does); `undefined` when the pin is an index. Both the
 * manifest and the config are verified against their digests.
 */
export async function fetchPinnedPlatform(
  client: RegistryClient,
  pin: PinnedManifest,
  signal?: AbortSignal,
): Promise<ImagePlatform | undefined> {
  const options = signal ? { signal } : {};
  const manifest = await client.fetchManifest(pin, options);
  if (parseManifest(manifest.bytes, manifest.mediaType, pin.domain).kind === 'index') return undefined;
  const config = parseConfigDescriptor(manifest.bytes, pin.domain);
  const blob = await client.fetchBlob({ ...pin, digest: config.digest, mediaType: config.mediaType }, options);
  return parseImagePlatform(blob.bytes, pin.domain);
}
