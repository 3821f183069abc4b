import type { ImageRef } from '../scan/image-ref';
import type { CosignEvidence } from '../trust/sigstore';
import type { Finding, FindingSeverity } from './finding';

/**
 * A signature that exists but does not hold (another key, another digest, a forged payload) means the image must
 * not be trusted: an error. Unsigned, or the signatures unreachable, is a warning: keys were configured, so a
 * signature was expected.
 */
const WARNING_CODES: ReadonlySet<string> = new Set(['COSIGN_NOT_SIGNED', 'COSIGN_REFERENCE_MISMATCH']);

export function cosignSeverity(code: string): FindingSeverity {
  return WARNING_CODES.has(code) || !code.startsWith('COSIGN_') ? 'warning' : 'error';
}

/** The findings of one reference's cosign verification, with the verifier's codes and messages. */
export function cosignFindings(ref: ImageRef, evidence: CosignEvidence): Finding[] {
  return [...evidence.failures, ...evidence.warnings].map((finding) => ({
    code: finding.code,
    severity: cosignSeverity(finding.code),
    message: finding.message,
    range: ref.range,
    ref,
  }));
}
