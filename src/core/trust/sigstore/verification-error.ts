import { CosignError, type CosignErrorCode } from './cosign-error';

/** @sigstore/verify's error codes and ours: what failed decides the code users see. */
const SIGSTORE_CODES: Record<string, CosignErrorCode> = {
  TLOG_ERROR: 'COSIGN_TLOG_MISSING',
  TLOG_INCLUSION_PROOF_ERROR: 'COSIGN_TLOG_INVALID',
  TLOG_INCLUSION_PROMISE_ERROR: 'COSIGN_TLOG_INVALID',
  TLOG_MISSING_INCLUSION_ERROR: 'COSIGN_TLOG_INVALID',
  TLOG_BODY_ERROR: 'COSIGN_TLOG_MISMATCH',
  CERTIFICATE_ERROR: 'COSIGN_UNTRUSTED_CERTIFICATE',
  TIMESTAMP_ERROR: 'COSIGN_UNTRUSTED_CERTIFICATE',
  PUBLIC_KEY_ERROR: 'COSIGN_UNTRUSTED_KEY',
  SIGNATURE_ERROR: 'COSIGN_BAD_SIGNATURE',
};

// @sigstore/verify's coded errors become ours; anything else (a TypeError on odd input) means a malformed bundle.
export function toCosignError(error: unknown, what: string): CosignError {
  const code = (error as { code?: unknown } | undefined)?.code;
  const mapped = typeof code === 'string' ? SIGSTORE_CODES[code] : undefined;
  const reason = error instanceof Error ? error.message : String(error);
  const message = `The Sigstore signature on ${what} does not verify: ${reason}.`;
  return new CosignError(mapped ?? 'COSIGN_MALFORMED_BUNDLE', message, { cause: error });
}
