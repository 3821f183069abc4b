import type { ImageRef } from '../scan/image-ref';
import { cosignTrustFindings, cosignTrustHoverLines } from './cosign-trust';
import type { CosignLookup } from './cosign-store';
import type { DctLookup } from './dct-store';
import type { Finding } from './finding';
import type { ResolutionLookup } from './resolution-state';
import { trustFindings, trustHoverLines } from './trust-findings';

/** Everything known now about references: their resolutions and the signature evidence of each digest. */
export interface TrustLookups {
  resolution: ResolutionLookup;
  dct: DctLookup;
  cosign: CosignLookup;
}

/** Docker Content Trust and cosign findings of these references, in that order. */
export function referenceTrustFindings(refs: readonly ImageRef[], lookups: TrustLookups): Finding[] {
  return [
    ...trustFindings(refs, lookups.resolution, lookups.dct),
    ...cosignTrustFindings(refs, lookups.resolution, lookups.cosign),
  ];
}

/** The signature lines of one reference's hover: DCT, then cosign, a blank line between. */
export function referenceTrustHoverLines(ref: ImageRef, lookups: TrustLookups): string[] {
  const dct = trustHoverLines(ref, lookups.resolution, lookups.dct);
  const cosign = cosignTrustHoverLines(ref, lookups.resolution, lookups.cosign);
  return dct.length > 0 && cosign.length > 0 ? [...dct, '', ...cosign] : [...dct, ...cosign];
}
