import type { ImageRef } from '../scan/image-ref';
import { FINDING_CODES, type Finding } from './finding';
import { ignoresFor, type IgnoreComment } from './ignore-comments';
import type { EffectiveRule, Policy, PolicyException } from './policy';
import { globMatches } from './glob-match';
import { repositoryOf } from './rule-for';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The rule's severity for each finding; `off` drops it. */
export function applySeverity(findings: Finding[], rule: EffectiveRule): Finding[] {
  return findings.flatMap((finding) => {
    const setting = rule.severity[finding.code];
    if (setting === undefined) return [finding];
    return setting === 'off' ? [] : [{ ...finding, severity: setting }];
  });
}

function covers(exception: PolicyException, ref: ImageRef, code: string): boolean {
  if (!ref.reference || !globMatches(exception.image, repositoryOf(ref.reference))) return false;
  return exception.codes.length === 0 || exception.codes.includes(code);
}

/** The exception lasts through its `until` day (UTC). */
const active = (exception: PolicyException, time: number) => time < Date.parse(`${exception.until}T00:00:00Z`) + DAY_MS;

function expiredFinding(exception: PolicyException, ref: ImageRef, policy: Policy): Finding {
  const message = `The exception for ${exception.image} in ${policy.source} ("${exception.reason}") ended on ${exception.until}: fix what it covered or renew it with a new date.`;
  return { code: FINDING_CODES.exceptionExpired, severity: 'warning', message, range: ref.range, ref };
}

function withoutReason(comment: IgnoreComment, ref: ImageRef): Finding {
  const message = `This ignore comment gives no reason, so it is not applied: write '# image-trust: ignore ${comment.codes.join(',') || 'CODE'} -- why'.`;
  return { code: FINDING_CODES.ignoreWithoutReason, severity: 'warning', message, range: comment.range, ref };
}

/**
 * Marks findings an ignore comment (with a reason) or an active exception covers as suppressed, keeping them for
 * SARIF and JSON; adds a finding for each ignore without a reason and each expired exception that would apply.
 */
export function suppress(
  findings: Finding[],
  ref: ImageRef,
  comments: readonly IgnoreComment[],
  policy: Policy,
  time: number,
): Finding[] {
  const mine = ignoresFor(ref, comments);
  const expired = new Set<PolicyException>();
  const marked = findings.map((finding): Finding => {
    const comment = mine.find((c) => c.reason !== undefined && c.codes.includes(finding.code));
    if (comment?.reason) return { ...finding, suppressed: { kind: 'ignore-comment', reason: comment.reason } };
    const exceptions = policy.exceptions.filter((e) => covers(e, ref, finding.code));
    const current = exceptions.find((e) => active(e, time));
    if (current) return { ...finding, suppressed: { kind: 'exception', reason: current.reason } };
    for (const exception of exceptions) expired.add(exception);
    return finding;
  });
  const notes = [
    ...mine.filter((c) => c.reason === undefined).map((c) => withoutReason(c, ref)),
    ...[...expired].map((e) => expiredFinding(e, ref, policy)),
  ];
  return [...marked, ...notes];
}
