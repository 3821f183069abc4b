import { validateDigest } from './digest';
import { explainInvalidReference } from './explain-invalid';
import { ANCHORED_NAME, ANCHORED_REFERENCE, NAME_TOTAL_LENGTH_MAX } from './grammar';
import { makeReference, type Reference } from './reference';
import { failure, success, UPSTREAM_MESSAGES, type ParseResult } from './reference-error';

/**
 * Go `reference.Parse`: the grammar only, no normalization. `ubuntu` stays domain '' and path `ubuntu`; the first
 * component is the domain whenever the name has a '/' and that component fits the host grammar.
 */
export function parseReference(s: string): ParseResult<Reference> {
  if (s === '') return failure('name-empty', UPSTREAM_MESSAGES.nameEmpty, s);
  const match = ANCHORED_REFERENCE.exec(s);
  if (!match) return rejectUnmatched(s);
  const [, name = '', tag, digest] = match;
  const { domain, path } = splitName(name);
  if (path.length > NAME_TOTAL_LENGTH_MAX) return nameTooLong(s, path);
  if (digest !== undefined) {
    const checked = validateDigest(digest);
    if (!checked.ok) return checked;
  }
  return success(makeReference(domain, path, tag, digest));
}

/** Go `WithName`: a bare repository name (no tag, no digest), not normalized. */
export function withName(name: string): ParseResult<Reference> {
  const match = ANCHORED_NAME.exec(name);
  if (!match) return explainInvalidReference(name);
  const [, domain = '', path = ''] = match;
  if (path.length > NAME_TOTAL_LENGTH_MAX) return nameTooLong(name, path);
  return success(makeReference(domain, path));
}

/** Splits a name that the reference grammar already accepted into domain and path. */
function splitName(name: string): { domain: string; path: string } {
  const match = ANCHORED_NAME.exec(name);
  return { domain: match?.[1] ?? '', path: match?.[2] ?? name };
}

// Outside printable ASCII, String#toLowerCase may change length or fold letters Go would not.
const NON_ASCII = /[^ -~]/;

// Go tells "would be valid in lower case" apart from every other grammar failure. Only ASCII is folded: the
// grammar is ASCII, and calling a non-ASCII letter "uppercase" would mislead.
function rejectUnmatched(s: string): ParseResult<Reference> {
  const lower = NON_ASCII.test(s) ? s.replace(/[A-Z]+/g, (upper) => upper.toLowerCase()) : s.toLowerCase();
  const lowered = lower === s ? null : ANCHORED_REFERENCE.exec(lower);
  if (lowered) {
    // Domains may be upper case, so the culprit is in the path: point there.
    const { domain, path } = splitName(lowered[1] ?? '');
    const start = domain ? domain.length + 1 : 0;
    const original = s.slice(start, start + path.length);
    const detail = `path ${JSON.stringify(original)} contains ${JSON.stringify(/[A-Z]/.exec(original)?.[0])}`;
    return failure('name-contains-uppercase', UPSTREAM_MESSAGES.nameContainsUppercase, s, detail);
  }
  return explainInvalidReference(s);
}

function nameTooLong(s: string, path: string): ParseResult<Reference> {
  const detail = `the path has ${path.length}`;
  return failure('name-too-long', UPSTREAM_MESSAGES.nameTooLong, s, detail);
}
