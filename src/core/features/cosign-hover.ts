import type { ImageRef } from '../scan/image-ref';
import type { CosignEvidence, CosignSignature } from '../trust/sigstore';
import type { CosignLookup } from './cosign-store';
import { evidenceOf } from './evidence-of';
import { codeSpan } from './hover-markdown';
import type { ResolutionLookup } from './resolution-state';

function covers(signature: CosignSignature): string {
  return signature.level === 'platform'
    ? `platform ${codeSpan(signature.platform ?? signature.digest)}`
    : signature.level;
}

/** Hover lines for cosign: verified or not, and which key signed which level (the index, or each platform). */
export function cosignHoverLines(evidence: CosignEvidence): string[] {
  const head = evidence.verified
    ? 'cosign: verified'
    : evidence.signed
      ? 'cosign: signed, but no signature verifies'
      : 'cosign: not signed';
  const lines = [head];
  for (const signature of evidence.signatures)
    lines.push(`- ${covers(signature)} signed with key ${codeSpan(signature.keyId.slice(0, 16))}`);
  return lines;
}

/** The cosign lines of one reference's hover; nothing when no keys are configured. */
export function cosignTrustHoverLines(ref: ImageRef, lookup: ResolutionLookup, cosign: CosignLookup): string[] {
  const state = evidenceOf(ref, lookup, cosign);
  if (state?.kind === 'pending') return ['$(sync~spin) Verifying cosign signatures…'];
  return state?.kind === 'verified' ? cosignHoverLines(state.result) : [];
}
