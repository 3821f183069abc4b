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

/** The key of a written digest (`registry/repo@sha256:…`): a pin is resolved on its own when the tag's answer does not cover it. */
export function digestKey(reference: { domain: string; path: string; digest: string }): string {
  return `${reference.domain}/${reference.path}@${reference.digest}`;
}
