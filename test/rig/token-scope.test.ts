import { describe, expect, it } from 'vitest';
import { grantAccess, parseScope, parseScopes } from './token-scope';
import { RIG_USERS } from './rig-users';

const [alice, bob] = RIG_USERS;

describe('parseScope', () => {
  it('keeps host:port in the name and drops a resource class', () => {
    expect(parseScope('repository(plugin):127.0.0.1:5000/demo/app:pull,push')).toEqual({
      type: 'repository',
      name: '127.0.0.1:5000/demo/app',
      actions: ['pull', 'push'],
    });
  });

  it('returns null for text that is not a scope', () => {
    expect(parseScope('repository')).toBeNull();
  });
});

describe('parseScopes', () => {
  it('reads repeated and space-separated scopes', () => {
    const scopes = parseScopes(['repository:a:pull repository:b:push', 'registry:catalog:*']);
    expect(scopes.map((s) => s.name)).toEqual(['a', 'b', 'catalog']);
  });
});

describe('grantAccess', () => {
  const requested = [{ type: 'repository', name: 'demo/app', actions: ['pull', 'push'] }];

  it('grants alice everything she asks for', () => {
    expect(grantAccess(alice ?? null, requested)).toEqual(requested);
  });

  it('grants bob pull only', () => {
    expect(grantAccess(bob ?? null, requested)).toEqual([{ type: 'repository', name: 'demo/app', actions: ['pull'] }]);
  });

  it('grants an anonymous client nothing', () => {
    expect(grantAccess(null, requested)).toEqual([]);
  });
});
