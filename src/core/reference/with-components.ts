import { ANCHORED_DIGEST, ANCHORED_TAG } from './grammar';
import { makeReference, type Reference } from './reference';
import { failure, success, UPSTREAM_MESSAGES, type ParseResult } from './reference-error';

/** Go `WithTag`: the same repository (and digest, if any) with `tag`, which must fit the tag grammar. */
export function withTag(ref: Reference, tag: string): ParseResult<Reference> {
  if (!ANCHORED_TAG.test(tag)) {
    const detail = `${JSON.stringify(tag)}: 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'`;
    return failure('invalid-tag', UPSTREAM_MESSAGES.tagInvalidFormat, tag, detail);
  }
  return success(makeReference(ref.domain, ref.path, tag, ref.digest));
}

/**
 * Go `WithDigest`: the same repository (and tag, if any) with `digest`. Like Go it checks the digest grammar
 * only, not the algorithm or length (use `validateDigest` for that).
 */
export function withDigest(ref: Reference, digest: string): ParseResult<Reference> {
  if (!ANCHORED_DIGEST.test(digest)) {
    const detail = `${JSON.stringify(digest)} is not "algorithm:hex" with at least 32 hex digits`;
    return failure('invalid-digest', UPSTREAM_MESSAGES.digestInvalidFormat, digest, detail);
  }
  return success(makeReference(ref.domain, ref.path, ref.tag, digest));
}

/** Go `TagNameOnly`: adds the `latest` tag when the reference has neither tag nor digest. */
export function withDefaultTag(ref: Reference): Reference {
  return ref.tag || ref.digest ? ref : makeReference(ref.domain, ref.path, DEFAULT_TAG);
}

/** The tag Docker pulls when a reference names none. */
export const DEFAULT_TAG = 'latest';
