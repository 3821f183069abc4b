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

/**
 * The resolution of the digest a build uses, whose signatures are what matter: the written pin (one platform's
 * manifest of the tag's index, or a digest the tag has moved away from), else the tag's digest. Undefined while
 * it is not known. `image-trust check` verifies the same digest.
 */
export function usedResolution(ref: ImageRef, lookup: ResolutionLookup): Resolution | undefined {
  const written = ref.reference?.digest;
  const key = resolutionKey(ref);
  const tag = key === null ? undefined : lookup(key);
  if (tag?.kind === 'resolved') {
    const { resolution } = tag;
    if (written === undefined || written === resolution.digest) return resolution;
    const child = resolution.platforms.find((p) => p.digest === written);
    if (child)
      return {
        reference: resolution.reference,
        digest: written,
        mediaType: child.mediaType,
        size: child.size,
        platforms: [],
      };
  }
  const reference = ref.reference;
  const pinned = reference && written !== undefined ? lookup(digestKey({ ...reference, digest: written })) : undefined;
  return pinned?.kind === 'resolved' ? pinned.resolution : undefined;
}

/** The resolutions trust is verified for: each reference's used digest, once known. */
export function usedResolutions(refs: readonly ImageRef[], lookup: ResolutionLookup): Resolution[] {
  return refs.flatMap((ref) => usedResolution(ref, lookup) ?? []);
}
