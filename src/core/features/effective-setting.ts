/** A setting's values per scope, as VS Code's `WorkspaceConfiguration.inspect` gives them. */
export interface SettingScopes<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/**
 * Settings that could weaken checks: plain HTTP to a registry, an extra CA to trust, a notary server, cosign keys,
 * identities or a trusted root of the workspace's choosing (they would decide what counts as signed), and a
 * policy file (it could require nothing).
 */
export const WEAKENING_SETTINGS: ReadonlySet<string> = new Set([
  'insecureRegistries',
  'caFiles',
  'notaryServers',
  'cosign.keys',
  'cosign.identities',
  'cosign.trustedRoot',
  'policy',
]);

/**
 * The value in force. In an untrusted workspace a setting that could weaken checks is taken from the user's own
 * settings only: a cloned repository must not be able to lower the bar by shipping `.vscode/settings.json`.
 */
export function effectiveSetting<T>(
  key: string,
  scopes: SettingScopes<T> | undefined,
  fallback: T,
  trusted: boolean,
): T {
  const user = scopes?.globalValue ?? scopes?.defaultValue ?? fallback;
  if (!trusted && WEAKENING_SETTINGS.has(key)) return user;
  return scopes?.workspaceFolderValue ?? scopes?.workspaceValue ?? user;
}
