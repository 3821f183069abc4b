import type { FetchedManifest, RegistryRef, Resolution } from './client-types';
import { parseDigest } from './digest';
import { parseManifest } from './manifest';
import type { ManifestHead } from './manifest-head';
import { manifestKind } from './media-types';
import type { TagEntry } from './ports';

/** A resolution from verified bytes: the platforms of an index come from the document. */
export function verifiedResolution(ref: RegistryRef, fetched: FetchedManifest): Resolution {
  const parsed = parseManifest(fetched.bytes, fetched.mediaType, ref.domain);
  return {
    reference: ref,
    digest: fetched.digest,
    mediaType: parsed.mediaType,
    size: fetched.bytes.length,
    platforms: parsed.platforms,
    ...(fetched.rateLimit === undefined ? {} : { rateLimit: fetched.rateLimit }),
  };
}

/**
 * The HEAD's answer as a tag entry when it may stand alone: a well-formed digest, a size, and a single-platform
 * manifest type (an index's platforms are only in its bytes; an unknown type is reported by parsing, not here).
 */
export function headerOnlyEntry(head: ManifestHead): TagEntry | undefined {
  const { digest, mediaType, size } = head;
  if (digest === undefined || parseDigest(digest) === undefined || size === undefined) return undefined;
  return mediaType !== undefined && manifestKind(mediaType) === 'manifest' ? { digest, mediaType, size } : undefined;
}

export function headerResolution(ref: RegistryRef, entry: TagEntry, head: ManifestHead = {}): Resolution {
  return {
    reference: ref,
    ...entry,
    platforms: [],
    ...(head.rateLimit === undefined ? {} : { rateLimit: head.rateLimit }),
    headerOnly: true,
  };
}
