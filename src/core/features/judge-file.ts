import { judge, type RefResolution } from '../policy';
import type { ImageRef } from '../scan/image-ref';
import { resolutionOf, shown } from './compute-findings';
import type { Finding } from './finding';
import { DEFAULT_JUDGE_CONTEXT, trustOf, type JudgeContext, type TrustLookups } from './reference-trust';
import type { ResolutionLookup } from './resolution-state';
import { usedResolution } from './used-resolution';

/**
 * judge()'s view of the resolutions. A pin to one platform's manifest that the tag's index still lists is current
 * (it is what `image-trust pin --update` keeps), so judge() sees that manifest, not the index, and says nothing of
 * it having moved.
 */
function judgedResolutionOf(lookup: ResolutionLookup) {
  const tagOf = resolutionOf(lookup);
  return (ref: ImageRef): RefResolution | undefined => {
    const state = tagOf(ref);
    const written = ref.reference?.digest;
    if (state?.kind !== 'resolved' || !state.resolution.platforms.some((p) => p.digest === written)) return state;
    const used = usedResolution(ref, lookup);
    return used ? { kind: 'resolved', resolution: used } : state;
  };
}

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
      resolutionOf: judgedResolutionOf(lookups.resolution),
      trustOf: trustOf(lookups),
      policy: context.policy,
      ignoreComments: () => context.ignoreComments,
      referenceTime: Date.now(),
    }),
  );
}
