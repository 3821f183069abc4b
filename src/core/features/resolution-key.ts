import { referenceString } from '../reference';
import type { ImageRef } from '../scan/image-ref';

/**
 * The tag a reference names, as one string (`docker.io/library/alpine:3.19`), or null when there is nothing to
 * ask a registry: an invalid reference, or one written with a digest only (it already says what it is).
 */
export function resolutionKey(ref: ImageRef): string | null {
  if (!ref.reference || ref.reference.tag === undefined) return null;
  return referenceString({ ...ref.reference, digest: undefined });
}
