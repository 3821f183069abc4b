import { CoreError } from '../../errors';

/** Stable codes of cosign verification; each names a diagnostic and a CLI JSON code. */
export type CosignErrorCode =
  | 'COSIGN_NOT_SIGNED'
  | 'COSIGN_UNTRUSTED_KEY'
  | 'COSIGN_DIGEST_MISMATCH'
  | 'COSIGN_REFERENCE_MISMATCH'
  | 'COSIGN_MALFORMED_SIGNATURE'
  | 'COSIGN_MALFORMED_PAYLOAD'
  | 'COSIGN_PAYLOAD_TOO_LARGE'
  | 'COSIGN_INVALID_KEY';

export class CosignError extends CoreError {
  declare readonly code: CosignErrorCode;
}
