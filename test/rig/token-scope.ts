import type { AccessEntry } from './jwt';
import type { RigUser } from './rig-users';

/**
 * Parses `type[(class)]:name:actions`. The type runs to the first `:` and the actions follow the last one, so
 * names holding `host:port` survive; the class is dropped (RIG-NOTES §4.4).
 */
export function parseScope(scope: string): AccessEntry | null {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first < 0 || last <= first) return null;
  const type = scope.slice(0, first).replace(/\(.*\)$/, '');
  const actions = scope
    .slice(last + 1)
    .split(',')
    .filter(Boolean);
  return { type, name: scope.slice(first + 1, last), actions };
}

/** Every scope in the query: `scope` may repeat and one value may hold several, space-separated. */
export function parseScopes(values: readonly string[]): AccessEntry[] {
  return values
    .flatMap((value) => value.split(' '))
    .filter(Boolean)
    .map(parseScope)
    .filter((entry): entry is AccessEntry => entry !== null);
}

/** Per scope, the requested actions the user holds; scopes with nothing granted are dropped. */
export function grantAccess(user: RigUser | null, requested: readonly AccessEntry[]): AccessEntry[] {
  if (user === null) return [];
  const holdsAll = user.actions.includes('*');
  return requested
    .map((entry) => ({ ...entry, actions: entry.actions.filter((a) => holdsAll || user.actions.includes(a)) }))
    .filter((entry) => entry.actions.length > 0);
}
