import type * as vscode from 'vscode';
import type { CredentialSource } from '../core/registry/credential';
import { isDockerHub } from '../core/registry/registry-host';

const SECRET_PREFIX = 'imageTrust.registry/';
/** The registries signed in to (names only, no secret), so "Sign out" can offer them. */
const SIGNED_IN_KEY = 'imageTrust.signedInRegistries';

/** One key per registry, named as docker names it (Docker Hub's aliases are one registry). */
export function registryKey(registry: string): string {
  return isDockerHub(registry) ? 'docker.io' : registry.trim().toLowerCase();
}

interface StoredLogin {
  username: string;
  secret: string;
}

function parseLogin(text: string | undefined): StoredLogin | undefined {
  if (text === undefined) return undefined;
  try {
    const { username, secret } = JSON.parse(text) as Record<string, unknown>;
    return typeof username === 'string' && typeof secret === 'string' ? { username, secret } : undefined;
  } catch {
    return undefined;
  }
}

/** Registry logins kept in VS Code's SecretStorage (the OS keychain); only registry names go to globalState. */
export class SecretCredentials {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {}

  /** Asked before the Docker config: a login made in the editor is what the user meant for this registry. */
  readonly source: CredentialSource = async (registry) => {
    const login = parseLogin(await this.secrets.get(SECRET_PREFIX + registryKey(registry)));
    if (login === undefined) return undefined;
    return { kind: 'basic', username: login.username, password: login.secret, source: 'VS Code SecretStorage' };
  };

  registries(): string[] {
    return this.state.get<string[]>(SIGNED_IN_KEY, []);
  }

  async signIn(registry: string, username: string, secret: string): Promise<void> {
    const key = registryKey(registry);
    await this.secrets.store(SECRET_PREFIX + key, JSON.stringify({ username, secret }));
    await this.state.update(SIGNED_IN_KEY, [...new Set([...this.registries(), key])].sort());
  }

  async signOut(registry: string): Promise<void> {
    const key = registryKey(registry);
    await this.secrets.delete(SECRET_PREFIX + key);
    await this.state.update(
      SIGNED_IN_KEY,
      this.registries().filter((one) => one !== key),
    );
  }
}
