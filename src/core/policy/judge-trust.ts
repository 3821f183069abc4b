import type { ImageRef } from '../scan/image-ref';
import type { DctResult } from '../trust/notary';
import type { CosignEvidence } from '../trust/sigstore';
import { FINDING_CODES, type Finding, type FindingSeverity } from './finding';
import type { TrustEvidence } from './judge-input';
import type { EffectiveRule } from './policy';
import { ABSENT_SIGNATURE_CODES, cosignSeverity, dctSeverity } from './trust-severity';

interface Verdict {
  kind: 'dct' | 'cosign';
  /** The kind verified: signed and sound. */
  ok: boolean;
  findings: Finding[];
}

type At = Pick<Finding, 'range' | 'ref'>;

function dctVerdict(dct: DctResult, rule: EffectiveRule, at: At, required: boolean): Verdict {
  if (dct.retirement) {
    const { code, message } = dct.retirement;
    return { kind: 'dct', ok: false, findings: [{ code, severity: dctSeverity(code), message, ...at }] };
  }
  const failures = dct.failures.map((f): Finding => ({
    code: f.code,
    severity: required ? 'error' : dctSeverity(f.code),
    message: f.message,
    ...at,
  }));
  // The verifier warns within its own window; the rule's window decides what is worth saying.
  const warnings = dct.warnings
    .filter((w) => w.daysLeft <= rule.expiryWarningDays)
    .map((w): Finding => ({ code: w.code, severity: 'warning', message: w.message, ...at }));
  return { kind: 'dct', ok: dct.signed && dct.failures.length === 0, findings: [...failures, ...warnings] };
}

function cosignVerdict(cosign: CosignEvidence, rule: EffectiveRule, at: At, required: boolean): Verdict {
  const severity = (code: string): FindingSeverity => (required ? 'error' : cosignSeverity(code));
  const failures = cosign.failures.map((f): Finding => ({
    code: f.code,
    severity: severity(f.code),
    message: f.message,
    ...at,
  }));
  const warnings = cosign.warnings.map((w): Finding => ({
    code: w.code,
    severity: rule.signatures.matchReference && w.code === 'COSIGN_REFERENCE_MISMATCH' ? 'error' : 'information',
    message: w.message,
    ...at,
  }));
  const ok = cosign.verified && cosign.failures.length === 0;
  return { kind: 'cosign', ok, findings: [...failures, ...warnings, ...(ok ? [] : attestedFinding(cosign, at))] };
}

/** Unsigned (or not by anyone trusted) but attested: for many public images that is the best evidence there is. */
function attestedFinding(cosign: CosignEvidence, at: At): Finding[] {
  const attestations = cosign.attestations ?? [];
  if (attestations.length === 0) return [];
  const kinds = [...new Set(attestations.map((a) => a.kind))].join(', ');
  const message = `No trusted signature, but ${attestations.length} attestation${attestations.length === 1 ? ' is' : 's are'} attached (${kinds}): check who made them (e.g. cosign verify-attestation) or ask the publisher to sign.`;
  return [{ code: FINDING_CODES.attested, severity: 'information', message, ...at }];
}

function unchecked(kind: 'dct' | 'cosign', ref: ImageRef): string {
  return kind === 'dct'
    ? `Docker Content Trust was not checked: no notary server is configured for ${ref.reference?.domain ?? 'the registry'}`
    : 'cosign signatures were not checked: the policy names no keys or identities for this image';
}

function requirementFinding(rule: EffectiveRule, evidence: TrustEvidence, verdicts: Verdict[], at: At): Finding[] {
  const wanted = rule.signatures.require;
  const kinds = wanted === 'any' ? (['dct', 'cosign'] as const) : wanted === 'none' ? [] : [wanted];
  if (kinds.length === 0 || verdicts.some((v) => v.ok && (kinds as readonly string[]).includes(v.kind))) return [];
  const why = kinds.map((kind) => {
    const found = evidence[kind];
    if (found === undefined) return unchecked(kind, at.ref);
    const codes =
      kind === 'dct' && evidence.dct?.retirement ? [evidence.dct.retirement.code] : found.failures.map((f) => f.code);
    return `${kind}: ${[...new Set(codes)].join(', ') || 'not verified'}`;
  });
  const message = `The policy requires ${wanted === 'any' ? 'a signature' : `a ${wanted} signature`} on this image and none verifies (${why.join('; ')}): sign it, or add the signer's key or identity to the policy.`;
  return [{ code: FINDING_CODES.signatureRequired, severity: 'error', message, ...at }];
}

/**
 * The trust findings of one reference. Failures of a signature that exists are always said; a missing signature
 * is said by the kind's own code where that kind was checked, and as SIGNATURE_REQUIRED when the rule asks for one
 * and nothing verifies (then the absence codes it sums up are not repeated).
 */
export function judgeTrust(ref: ImageRef, evidence: TrustEvidence, rule: EffectiveRule): Finding[] {
  const at = { range: ref.range, ref };
  const wanted = rule.signatures.require;
  const verdicts: Verdict[] = [];
  if (evidence.dct) verdicts.push(dctVerdict(evidence.dct, rule, at, wanted === 'dct'));
  if (evidence.cosign) verdicts.push(cosignVerdict(evidence.cosign, rule, at, wanted === 'cosign'));
  // Under a requirement, absence is either summed up in SIGNATURE_REQUIRED or made moot by another kind.
  const findings = verdicts
    .flatMap((v) => v.findings)
    .filter((f) => wanted === 'none' || !ABSENT_SIGNATURE_CODES.has(f.code));
  return [...requirementFinding(rule, evidence, verdicts, at), ...findings];
}
