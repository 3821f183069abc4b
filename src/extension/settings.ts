import { dirname } from 'node:path';
import * as vscode from 'vscode';
import type { CoreError } from '../core/errors';
import type { CosignTrustInputs } from '../core/features/cosign-trust-plan';
import { effectiveSetting } from '../core/features/effective-setting';
import { readCosignTrust, type IdentitySetting } from './cosign-settings';
import { DEFAULT_POLICY_FILE, loadPolicy, type LoadedPolicy } from './policy-file';

export interface ExtensionSettings {
  insecureRegistries: string[];
  caFiles: string[];
  cacheTtlSeconds: number;
  offline: boolean;
  expiryWarningDays: number;
  /** Registry host → notary server URL: DCT is verified for these registries only. */
  notaryServers: Record<string, string>;
  /** What cosign verification trusts (settings and policy), and the entries that could not be used. */
  cosign: { inputs: CosignTrustInputs; errors: CoreError[] };
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
  const cosignValues = {
    keys: read<string[]>('cosign.keys', []),
    identities: read<IdentitySetting[]>('cosign.identities', []),
    trustedRoot: read('cosign.trustedRoot', ''),
  };
  const policyDir = policy.file ? dirname(policy.file) : undefined;
  return {
    insecureRegistries: read<string[]>('insecureRegistries', []),
    caFiles: read<string[]>('caFiles', []),
    cacheTtlSeconds: read('cacheTtlSeconds', 300),
    offline: read('offline', false),
    expiryWarningDays: read('trust.expiryWarningDays', 30),
    notaryServers: read<Record<string, string>>('notaryServers', {}),
    cosign: readCosignTrust(cosignValues, folder, { policy: policy.policy, dir: policyDir }),
    policy,
    allowCredentialHelpers: trusted,
  };
}
