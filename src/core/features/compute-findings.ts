import { referenceString } from '../reference';
import type { ImageRef } from '../scan/image-ref';
import { failureText } from './failure-text';
import { FINDING_CODES, type Finding } from './finding';
import { resolutionKey } from './resolution-key';
import type { ResolutionLookup } from './resolution-state';

function short(digest: string): string {
  const hex = digest.slice(digest.indexOf(':') + 1);
  return `${digest.slice(0, digest.indexOf(':') + 1)}${hex.slice(0, 12)}`;
}

function invalidFinding(ref: ImageRef): Finding {
  const reason = ref.error ?? 'invalid reference';
  if (ref.text.includes('$')) {
    const message = `'${ref.text}' could not be expanded to an image reference: ${reason}`;
    return { code: FINDING_CODES.unresolvedVariable, severity: 'warning', message, range: ref.range, ref };
  }
  return {
    code: FINDING_CODES.invalid,
    severity: 'error',
    message: `invalid image reference: ${reason}`,
    range: ref.range,
    ref,
  };
}

function resolvedFindings(ref: ImageRef, name: string, written: string | undefined, current: string): Finding[] {
  const base = { range: ref.range, ref, currentDigest: current };
  if (written === undefined) {
    const message = `${name} is not pinned to a digest (it resolves to ${short(current)} now)`;
    return [{ ...base, code: FINDING_CODES.unpinned, severity: 'warning', message }];
  }
  if (written === current) return [];
  const message = `${name} moved: the pin is ${short(written)}, the tag points at ${short(current)} now`;
  return [{ ...base, code: FINDING_CODES.pinOutdated, severity: 'information', message }];
}

/**
 * The findings for one file's references, from what is known of their resolutions. A reference still being
 * resolved gets only what the text alone tells (unpinned); the rest follows once its resolution arrives.
 */
export function computeFindings(refs: readonly ImageRef[], lookup: ResolutionLookup): Finding[] {
  const findings: Finding[] = [];
  for (const ref of refs) {
    if (!ref.reference) {
      findings.push(invalidFinding(ref));
      continue;
    }
    const key = resolutionKey(ref);
    if (key === null) continue;
    const name = referenceString({ ...ref.reference, digest: undefined });
    const written = ref.reference.digest;
    const state = lookup(key);
    if (state?.kind === 'resolved') {
      findings.push(...resolvedFindings(ref, name, written, state.resolution.digest));
      continue;
    }
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
  }
  return findings;
}
