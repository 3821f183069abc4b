import type { RegistryClient } from '../registry/client-types';
import { keepPlatform, needsPinnedPlatform, type PinTarget, type ResolvedTag } from './keep-platform';
import { fetchPinnedPlatform } from './pinned-platform';

export interface WrittenReference {
  domain: string;
  path: string;
  digest?: string | undefined;
}

/**
 * The digest to write for a reference whose tag resolved to `tag`: keepPlatform's choice, reading the existing
 * pin's platform from the registry only when the index alone cannot decide.
 */
export async function fetchPinTarget(
  client: RegistryClient,
  written: WrittenReference,
  tag: ResolvedTag,
  signal?: AbortSignal,
): Promise<PinTarget> {
  const existing = written.digest;
  if (!needsPinnedPlatform(tag, existing)) return keepPlatform(tag, existing ? { digest: existing } : undefined);
  const pin = { domain: written.domain, path: written.path, digest: existing };
  const platform = await fetchPinnedPlatform(client, pin, signal);
  return keepPlatform(tag, platform ? { digest: existing, platform } : { digest: existing });
}
