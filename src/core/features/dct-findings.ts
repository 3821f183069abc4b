import type { ImageRef } from '../scan/image-ref';
import type { DctResult } from '../trust/notary';
import type { Finding, FindingSeverity } from './finding';

/**
 * Codes that mean the trust data was forged, replayed, expired or contradicts the registry: the image must not be
 * trusted, so they are errors. Everything else that failed (no trust data, server down, auth) is a warning.
 */
const INTEGRITY_CODES: ReadonlySet<string> = new Set([
  'TUF_EXPIRED',
  'TUF_BAD_SIGNATURE',
  'TUF_THRESHOLD',
  'TUF_ROLLBACK',
  'TUF_HASH_MISMATCH',
  'TUF_LENGTH_MISMATCH',
  'TUF_WRONG_KEY',
  'TUF_BAD_KEY_ID',
  'TUF_ROOT_CHANGED',
  'TUF_ROOT_INVALID',
  'TUF_ROOT_GUN_MISMATCH',
  'TUF_CERT_EXPIRED',
  'TUF_CERT_NOT_YET_VALID',
  'TUF_DELEGATION_INVALID',
  'DCT_DIGEST_MISMATCH',
]);

export function dctSeverity(code: string): FindingSeverity {
  if (code === 'DCT_RETIRED') return 'information';
  return INTEGRITY_CODES.has(code) ? 'error' : 'warning';
}

/**
 * The findings of one reference's DCT verification. Only called for registries someone asked DCT for (a notary
 * server is configured), so "not signed" is a warning there; Docker Hub's retirement is one calm information.
 * Expiry warnings keep the verifier's message, which carries the date.
 */
export function dctFindings(ref: ImageRef, result: DctResult): Finding[] {
  const at = { range: ref.range, ref };
  if (result.retirement) {
    const { code, message } = result.retirement;
    return [{ code, severity: dctSeverity(code), message, ...at }];
  }
  const failures = result.failures.map((failure): Finding => ({
    code: failure.code,
    severity: dctSeverity(failure.code),
    message: failure.message,
    ...at,
  }));
  const warnings = result.warnings.map((warning): Finding => ({
    code: warning.code,
    severity: 'warning',
    message: warning.message,
    ...at,
  }));
  return [...failures, ...warnings];
}
