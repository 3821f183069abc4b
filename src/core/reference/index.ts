export { DIGEST_HEX_LENGTHS, validateDigest } from './digest';
export { familiarName, familiarString, familiarize } from './familiar';
export { familiarMatch } from './familiar-match';
export {
  ANCHORED_DIGEST,
  ANCHORED_DOMAIN_AND_PORT,
  ANCHORED_IDENTIFIER,
  ANCHORED_NAME,
  ANCHORED_REFERENCE,
  ANCHORED_TAG,
  NAME_TOTAL_LENGTH_MAX,
} from './grammar';
export {
  DEFAULT_DOMAIN,
  LEGACY_DEFAULT_DOMAIN,
  OFFICIAL_REPO_PREFIX,
  parseDockerRef,
  parseNamed,
  parseNormalizedNamed,
  splitDockerDomain,
} from './normalize';
export { parseAnyReference } from './parse-any-reference';
export { parseReference, withName } from './parse-reference';
export { matchPath, PatternError } from './path-match';
export { anyReferenceString, referenceName, referenceString, type AnyReference, type Reference } from './reference';
export { ReferenceError, type ParseResult, type ReferenceErrorKind, UPSTREAM_MESSAGES } from './reference-error';
export { DEFAULT_TAG, withDefaultTag, withDigest, withTag } from './with-components';
