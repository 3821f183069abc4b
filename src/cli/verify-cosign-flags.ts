import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  checkIdentityPolicy,
  createSigstoreTrust,
  parseCosignKey,
  parseTrustedRoot,
  publicGoodTrustedRoot,
  type IdentityMatcher,
  type SigstoreTrust,
} from '../core/trust/sigstore';
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { UsageError } from './cli-io';

/** The cosign flags of `verify` (and of commands that verify the same way), for parseCommandArgs. */
export const COSIGN_FLAGS = {
  key: { type: 'string', multiple: true },
  'certificate-identity': { type: 'string' },
  'certificate-identity-regexp': { type: 'string' },
  'certificate-oidc-issuer': { type: 'string' },
  'certificate-oidc-issuer-regexp': { type: 'string' },
  'trusted-root': { type: 'string' },
  'require-tlog': { type: 'boolean' },
} as const;

export const COSIGN_FLAGS_USAGE = `  --key FILE                        a cosign public key (PEM, e.g. cosign.pub); repeatable
  --certificate-identity X          keyless: the signer's exact certificate SAN (a workflow URI, an e-mail)
  --certificate-identity-regexp X   keyless: a regular expression the SAN must match (anywhere, as cosign)
  --certificate-oidc-issuer Y       keyless: the exact OIDC issuer in the certificate
  --certificate-oidc-issuer-regexp Y  keyless: a regular expression the issuer must match
  --trusted-root FILE               a Sigstore trusted_root.json (default: the public-good root, as
                                    'trust-root update' last stored it, else as shipped)
  --require-tlog                    fail key signatures without a Rekor entry (keyless always need one)`;

export type CosignFlagValues = {
  [K in keyof typeof COSIGN_FLAGS]?: (typeof COSIGN_FLAGS)[K] extends { multiple: true }
    ? string[]
    : (typeof COSIGN_FLAGS)[K] extends { type: 'boolean' }
      ? boolean
      : string;
};

function readText(file: string, flag: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${flag} ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// Core errors about user input (a bad key, root or pattern) are usage errors: exit 2 before any request.
function asUsage<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function matcher(exact: string | undefined, pattern: string | undefined, what: string): IdentityMatcher | undefined {
  if (exact !== undefined && pattern !== undefined)
    throw new UsageError(`give --${what} or --${what}-regexp, not both`);
  if (exact !== undefined) return { kind: 'exact', value: exact };
  return pattern === undefined ? undefined : { kind: 'regexp', pattern };
}

function identitiesOf(values: CosignFlagValues) {
  const subject = matcher(
    values['certificate-identity'],
    values['certificate-identity-regexp'],
    'certificate-identity',
  );
  const issuer = matcher(
    values['certificate-oidc-issuer'],
    values['certificate-oidc-issuer-regexp'],
    'certificate-oidc-issuer',
  );
  if (subject === undefined && issuer === undefined) return [];
  // cosign requires both halves: an identity from any issuer (or any identity of an issuer) is no policy.
  if (subject === undefined || issuer === undefined)
    throw new UsageError(
      'keyless verification needs both --certificate-identity[-regexp] and --certificate-oidc-issuer[-regexp]',
    );
  return [asUsage(() => checkIdentityPolicy({ subject, issuer }))];
}

/**
 * The trust the cosign flags ask for, built once for every reference; `undefined` when none was asked for.
 * `defaultRoot` is asked only when keyless trust needs a root and --trusted-root names none.
 */
export function cosignTrustFromFlags(
  values: CosignFlagValues,
  cwd: string,
  defaultRoot: () => TrustedRoot = publicGoodTrustedRoot,
): SigstoreTrust | undefined {
  const keys = (values.key ?? []).map((file) => asUsage(() => parseCosignKey(readText(file, '--key', cwd), file)));
  const identities = identitiesOf(values);
  if (keys.length === 0 && identities.length === 0) {
    if (values['trusted-root'] !== undefined || values['require-tlog'])
      throw new UsageError('--trusted-root and --require-tlog need --key or --certificate-identity');
    return undefined;
  }
  const rootFile = values['trusted-root'];
  const trustedRoot =
    rootFile === undefined
      ? defaultRoot()
      : asUsage(() => parseTrustedRoot(readText(rootFile, '--trusted-root', cwd), rootFile));
  return asUsage(() =>
    createSigstoreTrust({ trustedRoot, keys, identities, requireTlog: values['require-tlog'] ?? false }),
  );
}
