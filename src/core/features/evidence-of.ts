import type { ImageRef } from '../scan/image-ref';
import type { EvidenceLookup, EvidenceState } from './evidence-store';
import type { ResolutionLookup } from './resolution-state';
import { usedResolution } from './used-resolution';

/** What is known of the signatures on the digest a reference uses (see usedResolution); undefined before it is known. */
export function evidenceOf<T>(
  ref: ImageRef,
  lookup: ResolutionLookup,
  evidence: EvidenceLookup<T>,
): EvidenceState<T> | undefined {
  const resolution = usedResolution(ref, lookup);
  return resolution === undefined ? undefined : evidence(resolution);
}
