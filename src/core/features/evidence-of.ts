import type { ImageRef } from '../scan/image-ref';
import type { EvidenceLookup, EvidenceState } from './evidence-store';
import { resolutionKey } from './resolution-key';
import type { ResolutionLookup } from './resolution-state';

/** What is known of the signatures on the digest a reference's tag resolved to; undefined before it resolved. */
export function evidenceOf<T>(
  ref: ImageRef,
  lookup: ResolutionLookup,
  evidence: EvidenceLookup<T>,
): EvidenceState<T> | undefined {
  const key = resolutionKey(ref);
  const state = key === null ? undefined : lookup(key);
  return state?.kind === 'resolved' ? evidence(state.resolution) : undefined;
}
