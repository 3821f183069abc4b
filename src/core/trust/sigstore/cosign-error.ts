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
  | 'COSIGN_INVALID_KEY'
  /** No Rekor entry (SET or inclusion proof) where one is required. */
  | 'COSIGN_TLOG_MISSING'
  /** A Rekor entry whose SET or inclusion proof does not verify with a log key of the trusted root. */
  | 'COSIGN_TLOG_INVALID'
  /** A Rekor entry that names another key, certificate, signature or payload than the signature it comes with. */
  | 'COSIGN_TLOG_MISMATCH'
  /** A keyless certificate that does not chain to a Fulcio CA of the trusted root, or was not valid when logged. */
  | 'COSIGN_UNTRUSTED_CERTIFICATE'
  /** A verified keyless certificate for another identity or OIDC issuer than the policy names. */
  | 'COSIGN_IDENTITY_MISMATCH'
  /** A signature whose bytes do not verify with the key or certificate it names. */
  | 'COSIGN_BAD_SIGNATURE'
  | 'COSIGN_MALFORMED_BUNDLE'
  | 'COSIGN_INVALID_TRUSTED_ROOT'
  /** An identity policy whose regular expression does not compile. */
  | 'COSIGN_INVALID_IDENTITY'
  /** The referrers API answered with an error (not "unsupported"): referrer signatures could not be listed. */
  | 'COSIGN_REFERRERS_UNAVAILABLE';

export class CosignError extends CoreError {
  declare readonly code: CosignErrorCode;
}
