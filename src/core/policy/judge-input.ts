import type { Resolution } from '../registry/client-types';
import type { ImageRef } from '../scan/image-ref';
import type { DctResult } from '../trust/notary';
import type { CosignEvidence } from '../trust/sigstore';
import type { IgnoreComment } from './ignore-comments';
import type { Policy } from './policy';

/** What is known of the tag a reference names (the editor's ResolutionState fits). */
export type RefResolution =
  | { kind: 'resolved'; resolution: Resolution }
  | { kind: 'failed'; code: string; message: string }
  | { kind: 'pending' }
  | { kind: 'offline' };

/** The verification of the digest a reference uses; a kind that was not checked is absent. */
export interface TrustEvidence {
  dct?: DctResult;
  cosign?: CosignEvidence;
}

export interface JudgeInput {
  refs: readonly ImageRef[];
  /** The tag's resolution; undefined when it was never asked (or the reference names a digest only). */
  resolutionOf: (ref: ImageRef) => RefResolution | undefined;
  /** Undefined while the digest is not verified (yet); `{}` when verification ran and checked nothing. */
  trustOf?: (ref: ImageRef) => TrustEvidence | undefined;
  policy: Policy;
  ignoreComments?: (file: string) => readonly IgnoreComment[];
  /** Read once for the whole run: exceptions end and expiry windows count from it. */
  referenceTime: number;
  /** Which findings to make; both by default (the editor paints trust apart from the reference's own). */
  aspects?: { reference?: boolean; trust?: boolean };
}
