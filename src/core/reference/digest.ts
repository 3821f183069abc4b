import { failure, success, UPSTREAM_MESSAGES, type ParseResult } from './reference-error';

/** Hex length of each digest algorithm we accept; go-digest registers the same three (OCI image-spec). */
export const DIGEST_HEX_LENGTHS: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

// go-digest's general digest grammar, used to tell "unknown algorithm" from "not a digest at all".
const ANY_DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const NOT_LOWER_HEX = /[^a-f0-9]/;

/**
 * Go `digest.Parse`: `algorithm:encoded` with a registered algorithm and exactly its number of lower-case hex
 * digits. Returns the digest unchanged when valid.
 */
export function validateDigest(s: string): ParseResult<string> {
  const colon = s.indexOf(':');
  const algorithm = colon < 0 ? s : s.slice(0, colon);
  const encoded = colon < 0 ? '' : s.slice(colon + 1);
  if (encoded === '') {
    return invalidFormat(s, `expected "algorithm:hex", got ${JSON.stringify(s)}`);
  }
  const expected = Object.hasOwn(DIGEST_HEX_LENGTHS, algorithm) ? DIGEST_HEX_LENGTHS[algorithm] : undefined;
  if (expected === undefined) {
    if (!ANY_DIGEST.test(s)) return invalidFormat(s, `${JSON.stringify(s)} is not "algorithm:encoded"`);
    const supported = Object.keys(DIGEST_HEX_LENGTHS).join(', ');
    return failure(
      'unsupported-digest',
      UPSTREAM_MESSAGES.checksumUnsupported,
      s,
      `${algorithm} (supported: ${supported})`,
    );
  }
  if (encoded.length !== expected) {
    const detail = `${algorithm} takes ${expected} hex digits, got ${encoded.length}`;
    return failure('invalid-digest', UPSTREAM_MESSAGES.checksumInvalidLength, s, detail);
  }
  const bad = NOT_LOWER_HEX.exec(encoded);
  if (bad) {
    const detail = `${JSON.stringify(bad[0])} at position ${colon + 2 + bad.index}: only lower-case hex digits 0-9a-f`;
    return invalidFormat(s, detail);
  }
  return success(s);
}

function invalidFormat(s: string, detail: string): ParseResult<string> {
  return failure('invalid-digest', UPSTREAM_MESSAGES.checksumInvalidFormat, s, detail);
}
