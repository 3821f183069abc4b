import type { ImageRef } from '../scan/image-ref';
import { computeHover, type HoverData } from './compute-hover';
import { judgeFile } from './judge-file';
import { referenceAt, type Position } from './position';
import {
  DEFAULT_JUDGE_CONTEXT,
  referenceTrustHoverLines,
  type JudgeContext,
  type TrustLookups,
} from './reference-trust';

/**
 * The editor's hover at `at`: the reference there, what its tag resolved to, its signature evidence, and its
 * findings under the policy. Only the reference under the cursor is judged, so a hover costs the same in a
 * 1,000-reference file as in a one-line Dockerfile.
 */
export function computeHoverAt(
  refs: readonly ImageRef[],
  at: Position,
  lookups: TrustLookups,
  context: JudgeContext = DEFAULT_JUDGE_CONTEXT,
): HoverData | null {
  const ref = referenceAt(refs, at);
  if (!ref) return null;
  const findings = judgeFile([ref], lookups, context);
  return computeHover([ref], at, lookups.resolution, findings, (r) => referenceTrustHoverLines(r, lookups));
}
