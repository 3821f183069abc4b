import { judge, type Policy } from '../policy';
import type { ImageRef } from '../scan/image-ref';
import { EDITOR_POLICY, resolutionOf, shown } from './compute-findings';
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
export function trustFindings(
  refs: readonly ImageRef[],
  lookup: ResolutionLookup,
  dct: DctLookup,
  policy: Policy = EDITOR_POLICY,
): Finding[] {
  const trustOf = (ref: ImageRef) => {
    const state = dctStateOf(ref, lookup, dct);
    return state?.kind === 'verified' ? { dct: state.result } : undefined;
  };
  const input = { refs, resolutionOf: resolutionOf(lookup), trustOf, policy, referenceTime: Date.now() };
  return shown(judge({ ...input, aspects: { reference: false } }));
}

/** The trust lines of one reference's hover; nothing for registries DCT is not asked for. */
export function trustHoverLines(ref: ImageRef, lookup: ResolutionLookup, dct: DctLookup): string[] {
  const state = dctStateOf(ref, lookup, dct);
  if (state?.kind === 'pending') return ['$(sync~spin) Verifying Docker Content Trust…'];
  return state?.kind === 'verified' ? dctHoverLines(state.result) : [];
}
