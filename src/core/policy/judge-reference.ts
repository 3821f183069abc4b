import { failureText } from './failure-text';
import { referenceString } from '../reference';
import type { Resolution } from '../registry/client-types';
import type { ImageRef } from '../scan/image-ref';
import { FINDING_CODES, type Finding } from './finding';
import type { RefResolution } from './judge-input';
import type { EffectiveRule, Policy } from './policy';
import { registryAllowed } from './rule-for';

export function shortDigest(digest: string): string {
  const colon = digest.indexOf(':');
  return `${digest.slice(0, colon + 1)}${digest.slice(colon + 1, colon + 13)}`;
}

function invalidFinding(ref: ImageRef): Finding {
  const reason = ref.error ?? 'invalid reference';
  if (ref.text.includes('$')) {
    const message = `'${ref.text}' could not be expanded to an image reference: ${reason}`;
    return { code: FINDING_CODES.unresolvedVariable, severity: 'warning', message, range: ref.range, ref };
  }
  const message = `invalid image reference: ${reason}`;
  return { code: FINDING_CODES.invalid, severity: 'error', message, range: ref.range, ref };
}

function resolvedFindings(ref: ImageRef, name: string, written: string | undefined, resolution: Resolution): Finding[] {
  const current = resolution.digest;
  const base = { range: ref.range, ref, currentDigest: current };
  if (written === undefined) {
    const message = `${name} is not pinned to a digest (it resolves to ${shortDigest(current)} now)`;
    return [{ ...base, code: FINDING_CODES.unpinned, severity: 'warning', message }];
  }
  // A pin to one platform's manifest that the tag's index still lists is current: `pin --update` keeps it.
  if (written === current || resolution.platforms.some((p) => p.digest === written)) return [];
  const message = `${name} moved: the pin is ${shortDigest(written)}, the tag points at ${shortDigest(current)} now`;
  return [{ ...base, code: FINDING_CODES.pinOutdated, severity: 'information', message }];
}

function stateFindings(ref: ImageRef, name: string, state: RefResolution | undefined): Finding[] {
  const written = ref.reference?.digest;
  if (state?.kind === 'resolved') return resolvedFindings(ref, name, written, state.resolution);
  const findings: Finding[] = [];
  if (state?.kind === 'failed') {
    const { summary, severity } = failureText(state.code);
    const message = `${name} could not be resolved: ${summary} (${state.code})`;
    findings.push({ code: state.code, severity, message, range: ref.range, ref });
  }
  // Unpinned is a fact of the text: it holds whether or not the registry answered.
  if (written === undefined) {
    const message = `${name} is not pinned to a digest`;
    findings.push({ code: FINDING_CODES.unpinned, severity: 'warning', message, range: ref.range, ref });
  }
  return findings;
}

/** What the text and the tag's resolution tell about one reference: invalid, not allowed, unpinned, moved, failed. */
export function judgeReference(
  ref: ImageRef,
  state: RefResolution | undefined,
  rule: EffectiveRule,
  policy: Policy,
): Finding[] {
  const reference = ref.reference;
  if (!reference) return [invalidFinding(ref)];
  const findings: Finding[] = [];
  if (!registryAllowed(policy, reference.domain)) {
    const message = `${reference.domain} is not an allowed registry (allowedRegistries in ${policy.source}): use an image from ${policy.allowedRegistries.join(', ')}`;
    findings.push({ code: FINDING_CODES.registryNotAllowed, severity: 'error', message, range: ref.range, ref });
  }
  const name = referenceString({ ...reference, digest: undefined });
  const found = stateFindings(ref, name, state);
  return [...findings, ...(rule.requirePin ? found : found.filter((f) => f.code !== FINDING_CODES.unpinned))];
}
