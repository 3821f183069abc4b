import type { ImageRef } from '../scan/image-ref';
import type { AttestationEvidence, CosignEvidence, CosignSignature } from '../trust/sigstore';
import type { CosignLookup } from './cosign-store';
import { evidenceOf } from './evidence-of';
import { codeSpan } from './hover-markdown';
import type { ResolutionLookup } from './resolution-state';

function covers(signature: CosignSignature): string {
  return signature.level === 'platform'
    ? `platform ${codeSpan(signature.platform ?? signature.digest)}`
    : signature.level;
}

function signer(signature: CosignSignature): string {
  if (signature.identity === undefined) return `key ${codeSpan(signature.keyId.slice(0, 16))}`;
  return `${codeSpan(signature.identity)} (issuer ${codeSpan(signature.issuer ?? 'unknown')}, keyless)`;
}

function attestationLines(attestations: readonly AttestationEvidence[]): string[] {
  if (attestations.length === 0) return [];
  const named = attestations.map((a) => (a.platform ? `${a.kind} (${codeSpan(a.platform)})` : a.kind));
  return ['', `Attestations: ${[...new Set(named)].join(', ')}`];
}

/**
 * Hover lines for cosign: verified or not, who signed which level (a key, or a keyless identity and its issuer,
 * for the index, the manifest or each platform), and the attestations attached (provenance, SBOM, …).
 */
export function cosignHoverLines(evidence: CosignEvidence): string[] {
  const head = evidence.verified
    ? 'cosign: verified'
    : evidence.signed
      ? 'cosign: signed, but no signature verifies'
      : 'cosign: not signed';
  const lines = [head];
  for (const signature of evidence.signatures) lines.push(`- ${covers(signature)} signed by ${signer(signature)}`);
  return [...lines, ...attestationLines(evidence.attestations ?? [])];
}

/** The cosign lines of one reference's hover; nothing when no keys are configured. */
export function cosignTrustHoverLines(ref: ImageRef, lookup: ResolutionLookup, cosign: CosignLookup): string[] {
  const state = evidenceOf(ref, lookup, cosign);
  if (state?.kind === 'pending') return ['$(sync~spin) Verifying cosign signatures…'];
  return state?.kind === 'verified' ? cosignHoverLines(state.result) : [];
}
