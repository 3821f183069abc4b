import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { effectiveSetting } from '../core/features/effective-setting';
import { readCosignKeys, type CosignKeys } from './cosign-keys';
import { DEFAULT_POLICY_FILE, loadPolicy, policyKeys, type LoadedPolicy } from './policy-file';

/** A keyless signer as the settings name it: the certificate's SAN (exactly or by RegExp) and the OIDC issuer. */
export interface IdentitySetting {
  subject?: string;
  subjectRegExp?: string;
  issuer: string;
}

export interface ExtensionSettings {
  insecureRegistries: string[];
  caFiles: string[];
  cacheTtlSeconds: number;
  offline: boolean;
  expiryWarningDays: number;
  /** Registry host → notary server URL: DCT is verified for these registries only. */
  notaryServers: Record<string, string>;
  /** cosign verification: the keys of the settings and the policy (parsed), keyless identities, the trusted root. */
  cosign: CosignKeys & { identities: IdentitySetting[]; trustedRoot: string | undefined };
  /** The policy in force (`imageTrust.policy`, else the defaults), and why its file could not be applied. */
  policy: LoadedPolicy;
  /** Credential helpers run programs: only in a trusted workspace. */
  allowCredentialHelpers: boolean;
}

/** Reads `imageTrust.*` with workspace trust applied (package.json also lists the weakening ones as restricted). */
export function readSettings(): ExtensionSettings {
  const config = vscode.workspace.getConfiguration('imageTrust');
  const trusted = vscode.workspace.isTrusted;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const read = <T>(key: string, fallback: T): T => effectiveSetting(key, config.inspect<T>(key), fallback, trusted);
  const policy = loadPolicy(read('policy', DEFAULT_POLICY_FILE), folder, trusted);
  const fromSettings = readCosignKeys(read<string[]>('cosign.keys', []), folder);
  const fromPolicy = readCosignKeys(policyKeys(policy.policy), policy.file ? dirname(policy.file) : folder);
  const trustedRoot = read<string>('cosign.trustedRoot', '');
  return {
    insecureRegistries: read<string[]>('insecureRegistries', []),
    caFiles: read<string[]>('caFiles', []),
    cacheTtlSeconds: read('cacheTtlSeconds', 300),
    offline: read('offline', false),
    expiryWarningDays: read('trust.expiryWarningDays', 30),
    notaryServers: read<Record<string, string>>('notaryServers', {}),
    cosign: {
      keys: [...fromSettings.keys, ...fromPolicy.keys],
      errors: [...fromSettings.errors, ...fromPolicy.errors],
      identities: read<IdentitySetting[]>('cosign.identities', []),
      trustedRoot: trustedRoot === '' ? undefined : trustedRoot,
    },
    policy,
    allowCredentialHelpers: trusted,
  };
}
