import type { ImageRef } from '../scan/image-ref';
import { cosignFindings } from './cosign-findings';
import { cosignHoverLines } from './cosign-hover';
import type { CosignLookup } from './cosign-store';
import { evidenceOf } from './evidence-of';
import type { Finding } from './finding';
import type { ResolutionLookup } from './resolution-state';

/** The cosign findings of a file's references: what the verification of each resolved digest found. */
export function cosignTrustFindings(refs: readonly ImageRef[], lookup: ResolutionLookup, cosign: CosignLookup): Finding[] {
  return refs.flatMap((ref) => {
    const state = evidenceOf(ref, lookup, cosign);
    return state?.kind === 'verified' ? cosignFindings(ref, state.result) : [];
  });
}

/** The cosign lines of one reference's hover; nothing when no keys are configured. */
export function cosignTrustHoverLines(ref: ImageRef, lookup: ResolutionLookup, cosign: CosignLookup): string[] {
  const state = evidenceOf(ref, lookup, cosign);
  if (state?.kind === 'pending') return ['$(sync~spin) Verifying cosign signatures…'];
  return state?.kind === 'verified' ? cosignHoverLines(state.result) : [];
}
