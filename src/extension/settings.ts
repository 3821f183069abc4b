import * as vscode from 'vscode';

export interface ExtensionSettings {
  insecureRegistries: string[];
  caFiles: string[];
  cacheTtlSeconds: number;
  offline: boolean;
  expiryWarningDays: number;
  /** Credential helpers run programs: only in a trusted workspace. */
  allowCredentialHelpers: boolean;
}

/**
 * Settings that could weaken checks (plain HTTP, extra CAs) are taken from the user only in Restricted Mode: a
 * workspace the user has not trusted must not lower the bar. package.json also lists them as restricted.
 */
const WEAKENING = new Set(['insecureRegistries', 'caFiles']);

function read<T>(config: vscode.WorkspaceConfiguration, key: string, fallback: T, trusted: boolean): T {
  if (trusted || !WEAKENING.has(key)) return config.get<T>(key, fallback);
  return config.inspect<T>(key)?.globalValue ?? fallback;
}

export function readSettings(): ExtensionSettings {
  const config = vscode.workspace.getConfiguration('imageTrust');
  const trusted = vscode.workspace.isTrusted;
  return {
    insecureRegistries: read<string[]>(config, 'insecureRegistries', [], trusted),
    caFiles: read<string[]>(config, 'caFiles', [], trusted),
    cacheTtlSeconds: read(config, 'cacheTtlSeconds', 300, trusted),
    offline: read(config, 'offline', false, trusted),
    expiryWarningDays: read(config, 'trust.expiryWarningDays', 30, trusted),
    allowCredentialHelpers: trusted,
  };
}
