import { describe, expect, it } from 'vitest';
import type * as vscode from 'vscode';
import { SecretCredentials } from '../../src/extension/secret-credentials';

/** VS Code's SecretStorage and Memento as plain maps: storage the class uses, not the class under test. */
function storage() {
  const secrets = new Map<string, string>();
  const state = new Map<string, unknown>();
  const secretStorage = {
    get: (key: string) => Promise.resolve(secrets.get(key)),
    store: (key: string, value: string) => Promise.resolve(void secrets.set(key, value)),
    delete: (key: string) => Promise.resolve(void secrets.delete(key)),
  } as unknown as vscode.SecretStorage; // the members SecretCredentials calls
  const memento = {
    get: <T>(key: string, fallback: T) => (state.has(key) ? state.get(key) : fallback) as T,
    update: (key: string, value: unknown) => Promise.resolve(void state.set(key, value)),
  } as unknown as vscode.Memento; // the members SecretCredentials calls
  return { secrets, state, credentials: new SecretCredentials(secretStorage, memento) };
}

describe('registry logins in SecretStorage', () => {
  it('answers the registry signed in to, under any of its names, and nothing for others', async () => {
    const { credentials } = storage();
    await credentials.signIn('Registry.Example:5000', 'alice', 'tok3n');
    expect(await credentials.source('registry.example:5000')).toEqual({
      kind: 'basic',
      username: 'alice',
      password: 'tok3n',
      source: 'VS Code SecretStorage',
    });
    expect(await credentials.source('other.example')).toBeUndefined();
    await credentials.signIn('index.docker.io', 'bob', 'hub');
    expect((await credentials.source('docker.io'))?.source).toBe('VS Code SecretStorage');
  });

  it('keeps the secret out of the list of registries, and forgets it on sign-out', async () => {
    const { credentials, state, secrets } = storage();
    await credentials.signIn('ghcr.io', 'alice', 'tok3n');
    expect(JSON.stringify([...state.values()])).not.toContain('tok3n');
    expect(credentials.registries()).toEqual(['ghcr.io']);
    await credentials.signOut('ghcr.io');
    expect(credentials.registries()).toEqual([]);
    expect(secrets.size).toBe(0);
    expect(await credentials.source('ghcr.io')).toBeUndefined();
  });
});
