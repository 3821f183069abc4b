import type { FindingSeverity } from './finding';

/**
 * DCT codes that mean the trust data was forged, replayed, expired or contradicts the registry: the image must not
 * be trusted, so they are errors. Everything else that failed (no trust data, server down, auth) is a warning.
 */
const DCT_INTEGRITY_CODES: ReadonlySet<string> = new Set([
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

/** Codes that say only that there is no signature: findings when a signature is asked for, not verdicts. */
export const ABSENT_SIGNATURE_CODES: ReadonlySet<string> = new Set([
  'DCT_NO_TRUST_DATA',
  'DCT_NOT_SIGNED',
  'COSIGN_NOT_SIGNED',
]);

export function dctSeverity(code: string): FindingSeverity {
  if (code === 'DCT_RETIRED') return 'information';
  return DCT_INTEGRITY_CODES.has(code) ? 'error' : 'warning';
}

/**
 * cosign signatures by someone the policy does not name: not a forgery, just no one trusted (an error only when
 * the rule requires cosign).
 */
const COSIGN_UNTRUSTED_SIGNER_CODES: ReadonlySet<string> = new Set([
  'COSIGN_UNTRUSTED_KEY',
  'COSIGN_IDENTITY_MISMATCH',
]);

/** A cosign signature that is broken (other digest, bad bytes, malformed, log mismatch) is an error. */
export function cosignSeverity(code: string): FindingSeverity {
  return ABSENT_SIGNATURE_CODES.has(code) || COSIGN_UNTRUSTED_SIGNER_CODES.has(code) ? 'warning' : 'error';
}
