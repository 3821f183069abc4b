import { planPin } from '../pin/plan-pin';
import type { ImageRef } from '../scan/image-ref';
import { FINDING_CODES, type Finding } from './finding';
import type { JudgeInput } from './judge-input';
import { judgeReference } from './judge-reference';
import { judgeTrust } from './judge-trust';
import { ruleFor } from './rule-for';
import { applySeverity, suppress } from './suppressions';

/** A pin edit for an unpinned or moved reference, to the digest it resolved to (verified when it was resolved). */
function withFix(finding: Finding, all: ImageRef[]): Finding {
  const digest = finding.currentDigest;
  const pinCode = finding.code === FINDING_CODES.unpinned || finding.code === FINDING_CODES.pinOutdated;
  if (digest === undefined || !pinCode) return finding;
  const plan = planPin(finding.ref, digest, all, { update: finding.code === FINDING_CODES.pinOutdated });
  return plan.kind === 'edit' ? { ...finding, fix: { file: plan.file, edit: plan.edit, digest } } : finding;
}

/**
 * Pure: references, what their tags resolve to and the trust evidence of their digests, under a policy, become
 * findings with stable codes, severities, messages that say what to do, and pin edits. Suppressed findings are
 * kept (marked) so reports can show what was ignored and why.
 */
export function judge(input: JudgeInput): Finding[] {
  const { refs, policy, referenceTime } = input;
  const aspects = { reference: true, trust: true, ...input.aspects };
  const all = [...refs];
  return refs.flatMap((ref) => {
    const rule = ruleFor(policy, ref.reference);
    const evidence = input.trustOf?.(ref);
    const found = [
      ...(aspects.reference ? judgeReference(ref, input.resolutionOf(ref), rule, policy) : []),
      ...(aspects.trust && evidence && ref.reference ? judgeTrust(ref, evidence, rule) : []),
    ];
    const judged = applySeverity(found, rule).map((finding) => withFix(finding, all));
    return suppress(judged, ref, input.ignoreComments?.(ref.file) ?? [], policy, referenceTime);
  });
}
