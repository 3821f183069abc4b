import type { IgnoreComment, Policy, TrustEvidence } from '../policy';
import type { ImageRef } from '../scan/image-ref';
import { EDITOR_POLICY } from './compute-findings';
import { cosignTrustHoverLines } from './cosign-hover';
import { dctTrustHoverLines } from './dct-hover';
import type { CosignLookup } from './cosign-store';
import type { DctLookup } from './dct-store';
import { evidenceOf } from './evidence-of';
import type { ResolutionLookup } from './resolution-state';

/** Everything known now about references: their resolutions and the signature evidence of each digest. */
export interface TrustLookups {
  resolution: ResolutionLookup;
  dct: DctLookup;
  cosign: CosignLookup;
}

/** What the policy judges a file by, besides the stores: the policy in force and the file's ignore comments. */
export interface JudgeContext {
  policy: Policy;
  ignoreComments: readonly IgnoreComment[];
}

export const DEFAULT_JUDGE_CONTEXT: JudgeContext = { policy: EDITOR_POLICY, ignoreComments: [] };

/**
 * judge()'s view of the signature stores: the evidence of every check that ran, once none is still running (so a
 * requirement is not reported against half of the evidence); undefined before that.
 */
export function trustOf(lookups: TrustLookups) {
  return (ref: ImageRef): TrustEvidence | undefined => {
    const dct = evidenceOf(ref, lookups.resolution, lookups.dct);
    const cosign = evidenceOf(ref, lookups.resolution, lookups.cosign);
    if (dct?.kind === 'pending' || cosign?.kind === 'pending') return undefined;
    if (dct === undefined && cosign === undefined) return undefined;
    return {
      ...(dct?.kind === 'verified' ? { dct: dct.result } : {}),
      ...(cosign?.kind === 'verified' ? { cosign: cosign.result } : {}),
    };
  };
}

/** The signature lines of one reference's hover: DCT, then cosign, a blank line between. */
export function referenceTrustHoverLines(ref: ImageRef, lookups: TrustLookups): string[] {
  const dct = dctTrustHoverLines(ref, lookups.resolution, lookups.dct);
  const cosign = cosignTrustHoverLines(ref, lookups.resolution, lookups.cosign);
  return dct.length > 0 && cosign.length > 0 ? [...dct, '', ...cosign] : [...dct, ...cosign];
}
