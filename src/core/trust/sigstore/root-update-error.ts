import { DetailedError } from '../../errors';

/** Stable codes of `trust-root update` and of the cached trusted root. */
export type TrustRootErrorCode =
  /** The TUF repository could not be reached or answered with an HTTP error. */
  | 'TRUST_ROOT_UPDATE_FAILED'
  /** The final root, timestamp, snapshot or targets metadata is expired (a freeze attack or a stale mirror). */
  | 'TRUST_ROOT_EXPIRED'
  /** Metadata older than what the client already trusts (a rollback attack). */
  | 'TRUST_ROOT_ROLLBACK'
  /** Metadata not signed by a threshold of the keys the trusted TUF root names. */
  | 'TRUST_ROOT_BAD_SIGNATURE'
  /** The `trusted_root.json` target or a metadata file does not match the length or hashes it is signed with. */
  | 'TRUST_ROOT_TARGET_MISMATCH'
  /** The repository's targets do not list `trusted_root.json`. */
  | 'TRUST_ROOT_TARGET_MISSING'
  /** The target verified but is not a Sigstore trusted root, or the initial TUF root is unusable. */
  | 'TRUST_ROOT_INVALID'
  /** The cached trusted root cannot be read or parsed: the shipped one is used instead. */
  | 'TRUST_ROOT_CACHE_CORRUPT';

export interface TrustRootDetails {
  /** The TUF mirror, or the cache file for TRUST_ROOT_CACHE_CORRUPT. */
  source: string;
}

export class TrustRootError extends DetailedError<TrustRootErrorCode, TrustRootDetails> {}

// tuf-js wraps snapshot and targets failures in a RuntimeError whose message embeds the original one, so the
// class of the first error is lost: the messages of the whole cause chain are classified, by the exact wording of
// tuf-js 6 / @tufjs/models 5 (a download error's text, e.g. a TLS one, must not read as a TUF verdict).
const PATTERNS: [RegExp, TrustRootErrorCode, string][] = [
  [/\.json is expired/, 'TRUST_ROOT_EXPIRED', 'its metadata is expired'],
  [
    /is less than current version|Expected version \d+, got|does not match snapshot version|doesn't match timestamp/,
    'TRUST_ROOT_ROLLBACK',
    'it offers older metadata than the cache trusts (rollback)',
  ],
  [
    /was signed by \d+\/\d+ keys|failed to verify \S+ signature|no signature for key found/,
    'TRUST_ROOT_BAD_SIGNATURE',
    'its metadata is not signed by the trusted TUF root keys',
  ],
  [
    /Expected (hash|length) \S+ but got|Max length reached/,
    'TRUST_ROOT_TARGET_MISMATCH',
    'a file does not match the length or hash it is signed with',
  ],
];

function messages(error: unknown): string {
  const parts: string[] = [];
  for (let at: unknown = error; at instanceof Error && parts.length < 8; at = at.cause) parts.push(at.message);
  return parts.join(' / ');
}

/** The coded error for a failed TUF update from `mirror` (a download failure is TRUST_ROOT_UPDATE_FAILED). */
export function toTrustRootUpdateError(error: unknown, mirror: string): TrustRootError {
  if (error instanceof TrustRootError) return error;
  const text = messages(error);
  const match = PATTERNS.find(([pattern]) => pattern.test(text));
  if (match !== undefined) {
    const [, code, why] = match;
    return new TrustRootError(
      code,
      `The TUF repository ${mirror} was refused: ${why}. The cached trusted root is unchanged.`,
      { source: mirror },
      error,
    );
  }
  const message = `Cannot update the Sigstore trusted root from ${mirror}: check the network or --tuf-mirror. The cached trusted root is unchanged.`;
  return new TrustRootError('TRUST_ROOT_UPDATE_FAILED', message, { source: mirror }, error);
}
