import { validateDigest } from './digest';
import { ANCHORED_IDENTIFIER } from './grammar';
import { parseNormalizedNamed } from './normalize';
import type { AnyReference } from './reference';
import { success, type ParseResult } from './reference-error';

/**
 * Go `ParseAnyReference`: what `docker inspect`/`docker run` accept. A bare 64-hex image ID or a valid
 * `algorithm:hex` digest is a digest reference; anything else must be a normalized name.
 */
export function parseAnyReference(s: string): ParseResult<AnyReference> {
  if (ANCHORED_IDENTIFIER.test(s)) return success({ kind: 'digest', digest: `sha256:${s}` });
  if (validateDigest(s).ok) return success({ kind: 'digest', digest: s });
  const named = parseNormalizedNamed(s);
  return named.ok ? success({ kind: 'named', reference: named.value }) : named;
}
