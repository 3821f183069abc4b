import { familiarName, familiarString } from './familiar';
import { matchPath, type PatternError } from './path-match';
import type { AnyReference, Reference } from './reference';
import type { ParseResult } from './reference-error';

/**
 * Go `FamiliarMatch`: does the glob `pattern` (path.Match syntax) match the reference as people write it? A
 * named reference also matches on its familiar name alone, so `foo/*` matches `foo/bar:tag`.
 */
export function familiarMatch(pattern: string, ref: Reference | AnyReference): ParseResult<boolean, PatternError> {
  const named = toNamed(ref);
  const full = matchPath(pattern, named ? familiarString(named) : digestOf(ref));
  if (!full.ok || full.value || !named) return full;
  const byName = matchPath(pattern, familiarName(named));
  return { ok: true, value: byName.ok && byName.value };
}

function toNamed(ref: Reference | AnyReference): Reference | undefined {
  if (!('kind' in ref)) return ref;
  return ref.kind === 'named' ? ref.reference : undefined;
}

function digestOf(ref: Reference | AnyReference): string {
  return 'kind' in ref && ref.kind === 'digest' ? ref.digest : '';
}
