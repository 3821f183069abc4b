import type { Reference } from '../reference';
import type { Resolution } from '../registry/client-types';
import type { ImageRef } from '../scan/image-ref';
import { digestKey, resolutionKey } from './resolution-key';
import type { ResolutionLookup } from './resolution-state';

/** The written digest to resolve on its own: the pin, unless the tag's answer covers it (or is still coming). */
export function pinToResolve(ref: ImageRef, lookup: ResolutionLookup): PinnedReference | null {
  const reference = ref.reference;
  if (reference?.digest === undefined) return null;
  const key = resolutionKey(ref);
  const tag = key === null ? undefined : lookup(key);
  if (tag === undefined || tag.kind === 'pending') return key === null ? pinOnly(reference) : null;
  if (tag.kind !== 'resolved') return pinOnly(reference);
  const { digest, platforms } = tag.resolution;
  const covered = digest === reference.digest || platforms.some((p) => p.digest === reference.digest);
  return covered ? null : pinOnly(reference);
}

/** A written digest, asked of the registry by digest alone. */
export interface PinnedReference {
  domain: string;
  path: string;
  digest: string;
}

const pinOnly = ({ domain, path, digest }: Reference): PinnedReference => ({ domain, path, digest: digest ?? '' });

/** The written digest of a reference, with the repository it is in; undefined when none is written. */
export function pinOf(ref: ImageRef): PinnedReference | undefined {
  const reference = ref.reference;
  return reference?.digest === undefined ? undefined : pinOnly(reference);
}

/**
 * The resolution of the digest a build uses, whose signatures are what matter: the written pin (one platform's
 * manifest of the tag's index, or a digest the tag has moved away from), else the tag's digest. Undefined while
 * it is not known. `image-trust check` verifies the same digest.
 */
export function usedResolutionFor(
  tagKey: string | null,
  pin: PinnedReference | undefined,
  lookup: ResolutionLookup,
): Resolution | undefined {
  const tag = tagKey === null ? undefined : lookup(tagKey);
  if (tag?.kind === 'resolved') {
    const { resolution } = tag;
    if (pin === undefined || pin.digest === resolution.digest) return resolution;
    const child = resolution.platforms.find((p) => p.digest === pin.digest);
    if (child) {
      const { mediaType, size } = child;
      return { reference: resolution.reference, digest: pin.digest, mediaType, size, platforms: [] };
    }
  }
  const pinned = pin === undefined ? undefined : lookup(digestKey(pin));
  return pinned?.kind === 'resolved' ? pinned.resolution : undefined;
}

export function usedResolution(ref: ImageRef, lookup: ResolutionLookup): Resolution | undefined {
  return usedResolutionFor(resolutionKey(ref), pinOf(ref), lookup);
}

/** The resolutions trust is verified for: each reference's used digest, once known. */
export function usedResolutions(refs: readonly ImageRef[], lookup: ResolutionLookup): Resolution[] {
  return refs.flatMap((ref) => usedResolution(ref, lookup) ?? []);
}
