import type { ParseArgsConfig } from 'node:util';
import type { FindingSeverity, IdentityRule } from '../core/policy';
import { UsageError } from './cli-io';
import { REGISTRY_FLAGS, REGISTRY_FLAGS_USAGE } from './registry-flags';
import { COSIGN_FLAGS, COSIGN_FLAGS_USAGE } from './verify-cosign-flags';
import { SCAN_FLAGS, SCAN_FLAGS_USAGE } from './scan-flags';

export const CHECK_FLAGS = {
  ...SCAN_FLAGS,
  ...REGISTRY_FLAGS,
  ...COSIGN_FLAGS,
  format: { type: 'string' },
  'fail-on': { type: 'string' },
  pin: { type: 'boolean' },
  progress: { type: 'boolean' },
  policy: { type: 'string' },
  'notary-server': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export const CHECK_USAGE = `Usage: image-trust check [PATH...] [options]

Scans Dockerfiles and compose files, resolves every image reference, verifies the digest each one uses
(Docker Content Trust where a notary server is configured or the policy asks for it; cosign signatures with
the keys of the policy and --key), and applies the trust policy (.image-trust.yaml in the first PATH, or
--policy FILE). A finding is ignored by a comment on the line above the reference (or at its end):
  # image-trust: ignore CODE -- the reason

Options:
  --format text|json|sarif          output format (default: text); sarif is SARIF 2.1.0 for code scanning
  --fail-on error|warning|information
                                    exit 1 when a finding is at least this severe (default: error)
  --pin                             pin unpinned references to exactly the digest that was verified
  --policy FILE                     the trust policy (default: PATH/.image-trust.yaml when present)
${COSIGN_FLAGS_USAGE}
                                    (keys and identities given here are trusted for every image besides the
                                    policy's; check names issuers exactly, so it refuses the issuer -regexp)
  --notary-server URL               verify Docker Content Trust with this notary server
                                    (default: DOCKER_CONTENT_TRUST_SERVER; else only where the policy asks)
  --progress                        report progress on stderr (default: only on a terminal)
${SCAN_FLAGS_USAGE}
${REGISTRY_FLAGS_USAGE}

Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or policy error,
3 could not complete (a registry or notary server did not answer, or a file could not be written).
`;

const FAIL_ON: readonly FindingSeverity[] = ['error', 'warning', 'information'];

export function parseFailOn(value: string | undefined): FindingSeverity {
  const level = value ?? 'error';
  if (!(FAIL_ON as readonly string[]).includes(level))
    throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not '${level}'`);
  return level as FindingSeverity;
}

/** The keyless identity the flags name, as a policy identity; an identity without its issuer is a usage error. */
export function identityFromFlags(values: {
  'certificate-identity'?: string;
  'certificate-identity-regexp'?: string;
  'certificate-oidc-issuer'?: string;
  'certificate-oidc-issuer-regexp'?: string;
}): IdentityRule[] {
  if (values['certificate-oidc-issuer-regexp'] !== undefined)
    throw new UsageError('check names the OIDC issuer exactly: use --certificate-oidc-issuer');
  const exact = values['certificate-identity'];
  const pattern = values['certificate-identity-regexp'];
  const issuer = values['certificate-oidc-issuer'];
  if (exact === undefined && pattern === undefined) {
    if (issuer !== undefined) throw new UsageError('--certificate-oidc-issuer needs --certificate-identity(-regexp)');
    return [];
  }
  if (issuer === undefined) throw new UsageError('a certificate identity needs --certificate-oidc-issuer');
  if (exact !== undefined && pattern !== undefined)
    throw new UsageError('give --certificate-identity or --certificate-identity-regexp, not both');
  if (exact !== undefined) return [{ kind: 'exact', subject: exact, issuer }];
  try {
    new RegExp(pattern ?? '');
  } catch {
    throw new UsageError(`--certificate-identity-regexp is not a regular expression: ${pattern}`);
  }
  return [{ kind: 'regexp', subjectRegExp: pattern ?? '', issuer }];
}
