import { judge } from '../policy';
import type { ImageRef } from '../scan/image-ref';
import { resolutionOf, shown } from './compute-findings';
import type { Finding } from './finding';
import { DEFAULT_JUDGE_CONTEXT, trustOf, type JudgeContext, type TrustLookups } from './reference-trust';

/**
 * Every finding of a file's references from what is known now, judged by the policy in one pass: the reference's
 * own (invalid, unpinned, moved, unresolvable, registry not allowed) and its digest's signatures (DCT, cosign).
 * Findings suppressed by an ignore comment or a policy exception are left out.
 */
export function judgeFile(
  refs: readonly ImageRef[],
  lookups: TrustLookups,
  context: JudgeContext = DEFAULT_JUDGE_CONTEXT,
): Finding[] {
  return shown(
    judge({
      refs,
      resolutionOf: resolutionOf(lookups.resolution),
      trustOf: trustOf(lookups),
      policy: context.policy,
      ignoreComments: () => context.ignoreComments,
      referenceTime: Date.now(),
    }),
  );
}
