import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { CoreError } from '../core/errors';
import { toIdentityPolicy, type CosignTrustInputs } from '../core/features/cosign-trust-plan';
import type { IdentityRule, Policy } from '../core/policy';
import { checkIdentityPolicy, parseTrustedRoot, publicGoodTrustedRoot } from '../core/trust/sigstore';
import { readCosignKeys } from './cosign-keys';
import { policyKeys } from './policy-file';
import { loadPreferredTrustedRoot, sigstoreCacheDir } from '../node/sigstore-root-cache';
import type { TrustedRoot } from '@sigstore/protobuf-specs';

/** A keyless signer as the settings name it: the certificate's SAN (exactly or by RegExp) and the OIDC issuer. */
export interface IdentitySetting {
  subject?: string;
  subjectRegExp?: string;
  issuer?: string;
}

export interface CosignSettingValues {
  keys: readonly string[];
  identities: readonly IdentitySetting[];
  /** A `trusted_root.json` path; empty for the Sigstore public-good root shipped with the extension. */
  trustedRoot: string;
}

function toIdentityRule(setting: IdentitySetting): IdentityRule {
  const { subject, subjectRegExp, issuer } = setting;
  if (!issuer || (subject === undefined) === (subjectRegExp === undefined)) {
    const message = 'each imageTrust.cosign.identities entry needs an issuer and one of subject or subjectRegExp';
    throw new CoreError('COSIGN_INVALID_IDENTITY', message);
  }
  const rule: IdentityRule =
    subject !== undefined
      ? { kind: 'exact', subject, issuer }
      : { kind: 'regexp', subjectRegExp: subjectRegExp ?? '', issuer };
  checkIdentityPolicy(toIdentityPolicy(rule));
  return rule;
}

// The root `image-trust trust-root update` stored, else the shipped one; a broken cache is reported.
function preferredTrustedRoot(errors: CoreError[]): TrustedRoot {
  const preferred = loadPreferredTrustedRoot(sigstoreCacheDir(process.env, homedir()));
  if (preferred.warning) errors.push(preferred.warning);
  return preferred.root;
}

const inFolder = (path: string, folder: string | undefined) =>
  isAbsolute(path) || folder === undefined ? path : join(folder, path);

/**
 * What cosign verification trusts, from the settings and the policy, with every entry that cannot be used reported
 * (an unreadable or malformed key, an identity without an issuer, a bad pattern, a broken trusted root) instead
 * of being dropped silently. A broken trusted root leaves the public-good one in force.
 */
export function readCosignTrust(
  values: CosignSettingValues,
  folder: string | undefined,
  policy: { policy: Policy; dir: string | undefined },
): { inputs: CosignTrustInputs; errors: CoreError[] } {
  const settingKeys = readCosignKeys(values.keys, folder);
  const fromPolicy = readCosignKeys(policyKeys(policy.policy), policy.dir ?? folder);
  const errors = [...settingKeys.errors, ...fromPolicy.errors];
  const identities = values.identities.flatMap((setting) => {
    try {
      return [toIdentityRule(setting)];
    } catch (error) {
      errors.push(error instanceof CoreError ? error : new CoreError('COSIGN_INVALID_IDENTITY', String(error)));
      return [];
    }
  });
  let trustedRoot = values.trustedRoot === '' ? preferredTrustedRoot(errors) : publicGoodTrustedRoot();
  if (values.trustedRoot !== '') {
    const path = inFolder(values.trustedRoot, folder);
    try {
      trustedRoot = parseTrustedRoot(readFileSync(path, 'utf8'), path);
    } catch (error) {
      errors.push(
        error instanceof CoreError
          ? error
          : new CoreError('COSIGN_TRUSTED_ROOT_UNREADABLE', `cannot read ${path}`, { cause: error }),
      );
    }
  }
  const keys = [...settingKeys.keys.values()];
  return { inputs: { keys, identities, policyKeys: fromPolicy.keys, trustedRoot }, errors };
}
