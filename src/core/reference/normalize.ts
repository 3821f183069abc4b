import { explainInvalidReference } from './explain-invalid';
import { ANCHORED_IDENTIFIER } from './grammar';
import { parseReference } from './parse-reference';
import { makeReference, referenceString, type Reference } from './reference';
import { failure, success, UPSTREAM_MESSAGES, type ParseResult } from './reference-error';
import { withDefaultTag } from './with-components';

export const DEFAULT_DOMAIN = 'docker.io';
export const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
export const OFFICIAL_REPO_PREFIX = 'library/';

/**
 * Go `splitDockerDomain`: where Docker sends a name. The first component is a registry only if it is
 * `localhost`, has a '.' or ':' or an upper-case letter; otherwise the name lives on Docker Hub, where a
 * single-component name is an official image under `library/`.
 */
export function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/');
  let domain = DEFAULT_DOMAIN;
  let remainder = name;
  if (slash >= 0) {
    const first = name.slice(0, slash);
    if (first === LEGACY_DEFAULT_DOMAIN) {
      remainder = name.slice(slash + 1);
    } else if (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first) {
      domain = first;
      remainder = name.slice(slash + 1);
    }
  }
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return { domain, remainder };
}

/** Go `ParseNormalizedNamed`: what `docker pull` understands, e.g. `ubuntu` → `docker.io/library/ubuntu`. */
export function parseNormalizedNamed(s: string): ParseResult<Reference> {
  if (ANCHORED_IDENTIFIER.test(s)) {
    const upstream = `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`;
    return failure('invalid-format', upstream, s, 'it looks like an image ID; pass it as a digest "sha256:<hex>"');
  }
  const { domain, remainder } = splitDockerDomain(s);
  const tagSep = remainder.indexOf(':');
  const remote = tagSep < 0 ? remainder : remainder.slice(0, tagSep);
  if (remote.toLowerCase() !== remote) {
    // Go's own wording for this case: ErrReferenceInvalidFormat text plus the offending name.
    const upstream = `invalid reference format: repository name (${remote}) must be lowercase`;
    return failure('name-contains-uppercase', upstream, s);
  }
  const parsed = parseReference(`${domain}/${remainder}`);
  // Re-explain against what the user wrote, not the name with docker.io/library/ prepended.
  if (!parsed.ok && parsed.error.kind === 'invalid-format') return explainInvalidReference(s);
  return parsed;
}

/** Go `ParseNamed`: like `parseNormalizedNamed`, but the input must already be written in full. */
export function parseNamed(s: string): ParseResult<Reference> {
  const parsed = parseNormalizedNamed(s);
  if (!parsed.ok) return parsed;
  const canonical = referenceString(parsed.value);
  if (canonical === s) return parsed;
  return failure('name-not-canonical', UPSTREAM_MESSAGES.nameNotCanonical, s, `write ${JSON.stringify(canonical)}`);
}

/**
 * Go `ParseDockerRef`: the reference Docker would pull. A digest wins over a tag (the tag is dropped, since the
 * registry ignores it), and `latest` is added when neither is given.
 */
export function parseDockerRef(s: string): ParseResult<Reference> {
  const parsed = parseNormalizedNamed(s);
  if (!parsed.ok) return parsed;
  const { domain, path, digest } = parsed.value;
  return success(digest ? makeReference(domain, path, undefined, digest) : withDefaultTag(parsed.value));
}
