import * as vscode from 'vscode';
import { effectiveSetting } from '../core/features/effective-setting';

export interface ExtensionSettings {
  insecureRegistries: string[];
  caFiles: string[];
  cacheTtlSeconds: number;
  offline: boolean;
  expiryWarningDays: number;
  /** Registry host → notary server URL: DCT is verified for these registries only. */
  notaryServers: Record<string, string>;
  /** Credential helpers run programs: only in a trusted workspace. */
  allowCredentialHelpers: boolean;
}

/** Reads `imageTrust.*` with workspace trust applied (package.json also lists the weakening ones as restricted). */
export function readSettings(): ExtensionSettings {
  const config = vscode.workspace.getConfiguration('imageTrust');
  const trusted = vscode.workspace.isTrusted;
  const read = <T>(key: string, fallback: T): T => effectiveSetting(key, config.inspect<T>(key), fallback, trusted);
  return {
    insecureRegistries: read<string[]>('insecureRegistries', []),
    caFiles: read<string[]>('caFiles', []),
    cacheTtlSeconds: read('cacheTtlSeconds', 300),
    offline: read('offline', false),
    expiryWarningDays: read('trust.expiryWarningDays', 30),
    notaryServers: read<Record<string, string>>('notaryServers', {}),
    allowCredentialHelpers: trusted,
  };
}
