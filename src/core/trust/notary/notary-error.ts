import { CoreError } from '../../errors';

/** Stable codes of Docker Content Trust verification; each names a diagnostic and a CLI JSON code. */
export type NotaryErrorCode =
  | 'TUF_EXPIRED'
  | 'TUF_ROLLBACK'
  | 'TUF_THRESHOLD'
  | 'TUF_BAD_SIGNATURE'
  | 'TUF_WRONG_KEY'
  | 'TUF_BAD_KEY_ID'
  | 'TUF_HASH_MISMATCH'
  | 'TUF_LENGTH_MISMATCH'
  | 'TUF_TOO_LARGE'
  | 'TUF_MALFORMED'
  | 'TUF_WRONG_TYPE'
  | 'TUF_ROOT_CHANGED'
  | 'TUF_ROOT_INVALID'
  | 'TUF_ROOT_GUN_MISMATCH'
  | 'TUF_CERT_EXPIRED'
  | 'TUF_CERT_NOT_YET_VALID'
  | 'TUF_DELEGATION_INVALID'
  | 'TUF_MISSING_META'
  | 'TUF_UNAVAILABLE'
  | 'DCT_NO_TRUST_DATA'
  | 'DCT_NOT_SIGNED'
  | 'DCT_DIGEST_MISMATCH';

/** The evidence a failure carries: which role of which repository, and the dates involved. */
export interface NotaryErrorDetails {
  gun?: string;
  role?: string;
  expires?: string;
  version?: number;
  seenVersion?: number;
}

export class NotaryError extends CoreError {
  declare readonly code: NotaryErrorCode;
  readonly details: NotaryErrorDetails;

  constructor(code: NotaryErrorCode, message: string, details: NotaryErrorDetails = {}, options?: { cause?: unknown }) {
    super(code, message, options);
    this.details = details;
  }
}
