import { CoreError } from '../errors';

/** Why a reference was rejected; one kind per error identifier of distribution/reference and go-digest. */
export type ReferenceErrorKind =
  | 'invalid-format'
  | 'name-contains-uppercase'
  | 'name-too-long'
  | 'name-empty'
  | 'invalid-tag'
  | 'invalid-digest'
  | 'unsupported-digest'
  | 'name-not-canonical';

/**
 * The upstream messages, kept word for word as the start of ours so that logs and vectors line up with Docker's
 * own errors. Keys are the Go identifiers (ErrReferenceInvalidFormat, digest.ErrDigestInvalidLength, ...).
 */
export const UPSTREAM_MESSAGES = {
  invalidFormat: 'invalid reference format',
  tagInvalidFormat: 'invalid tag format',
  digestInvalidFormat: 'invalid digest format',
  nameContainsUppercase: 'repository name must be lowercase',
  nameEmpty: 'repository name must have at least one component',
  nameTooLong: 'repository name must not be more than 255 characters',
  nameNotCanonical: 'repository name must be canonical',
  checksumInvalidFormat: 'invalid checksum digest format',
  checksumInvalidLength: 'invalid checksum digest length',
  checksumUnsupported: 'unsupported digest algorithm',
} as const;

/** Every invalid image reference, whatever the reason, is `REF_INVALID`; `kind` says which rule it broke. */
export class ReferenceError extends CoreError {
  readonly kind: ReferenceErrorKind;
  /** The text that was rejected (a reference, tag or digest), for messages and diagnostics. */
  readonly input: string;

  constructor(kind: ReferenceErrorKind, message: string, input: string) {
    super('REF_INVALID', message, undefined);
    this.kind = kind;
    this.input = input;
  }
}

/** The outcome of a pure parse: a value or the reason there is none. Parsers never throw. */
export type ParseResult<T, E = ReferenceError> = { ok: true; value: T } | { ok: false; error: E };

export function success<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** A failed result whose message is the upstream text, followed by `detail` when there is more to say. */
export function failure(
  kind: ReferenceErrorKind,
  upstream: string,
  input: string,
  detail?: string,
): { ok: false; error: ReferenceError } {
  const message = detail ? `${upstream}: ${detail}` : upstream;
  return { ok: false, error: new ReferenceError(kind, message, input) };
}
