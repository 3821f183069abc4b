import * as vscode from 'vscode';
import { effectiveSetting } from '../core/features/effective-setting';
import { readCosignKeys, type CosignKeys } from './cosign-keys';

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
  /** cosign verification: configured keys (parsed), keyless identities and the trusted root file. */
  cosign: CosignKeys & { identities: IdentitySetting[]; trustedRoot: string | undefined };
  /** The policy file: absolute, or relative to the first workspace folder. */
  policy: string;
  /** Credential helpers run programs: only in a trusted workspace. */
  allowCredentialHelpers: boolean;
}

function workspaceFolder(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

/** Reads `imageTrust.*` with workspace trust applied (package.json also lists the weakening ones as restricted). */
export function readSettings(): ExtensionSettings {
  const config = vscode.workspace.getConfiguration('imageTrust');
  const trusted = vscode.workspace.isTrusted;
  const read = <T>(key: string, fallback: T): T => effectiveSetting(key, config.inspect<T>(key), fallback, trusted);
  const keys = readCosignKeys(read<string[]>('cosign.keys', []), workspaceFolder());
  const trustedRoot = read<string>('cosign.trustedRoot', '');
  return {
    insecureRegistries: read<string[]>('insecureRegistries', []),
    caFiles: read<string[]>('caFiles', []),
    cacheTtlSeconds: read('cacheTtlSeconds', 300),
    offline: read('offline', false),
    expiryWarningDays: read('trust.expiryWarningDays', 30),
    notaryServers: read<Record<string, string>>('notaryServers', {}),
    cosign: {
      ...keys,
      identities: read<IdentitySetting[]>('cosign.identities', []),
      trustedRoot: trustedRoot === '' ? undefined : trustedRoot,
    },
    policy: read('policy', '.image-trust.yaml'),
    allowCredentialHelpers: trusted,
  };
}
