import type { ImageRef } from '../scan/image-ref';
import { dctFindings } from './dct-findings';
import { dctHoverLines } from './dct-hover';
import type { DctLookup } from './dct-store';
import type { Finding } from './finding';
import { resolutionKey } from './resolution-key';
import type { ResolutionLookup } from './resolution-state';

function dctStateOf(ref: ImageRef, lookup: ResolutionLookup, dct: DctLookup) {
  const key = resolutionKey(ref);
  const state = key === null ? undefined : lookup(key);
  return state?.kind === 'resolved' ? dct(state.resolution) : undefined;
}

/** The trust findings of a file's references: what the DCT verification of each resolved digest found. */
export function trustFindings(refs: readonly ImageRef[], lookup: ResolutionLookup, dct: DctLookup): Finding[] {
  return refs.flatMap((ref) => {
    const state = dctStateOf(ref, lookup, dct);
    return state?.kind === 'verified' ? dctFindings(ref, state.result) : [];
  });
}

/** The trust lines of one reference's hover; nothing for registries DCT is not asked for. */
export function trustHoverLines(ref: ImageRef, lookup: ResolutionLookup, dct: DctLookup): string[] {
  const state = dctStateOf(ref, lookup, dct);
  if (state?.kind === 'pending') return ['$(sync~spin) Verifying Docker Content Trust…'];
  return state?.kind === 'verified' ? dctHoverLines(state.result) : [];
}
