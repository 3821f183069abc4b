import type { FindingSeverity } from './finding';

/** Which signatures a rule asks for: any kind that verifies, Docker Content Trust, or cosign; none asks nothing. */
export type SignatureKind = 'any' | 'dct' | 'cosign' | 'none';

/** A keyless signer: the certificate's SAN, exactly or as a regular expression, and the OIDC issuer. */
export type IdentityRule =
  { kind: 'exact'; subject: string; issuer: string } | { kind: 'regexp'; subjectRegExp: string; issuer: string };

/** `off` drops a finding; any other value replaces its severity. */
export type SeveritySetting = FindingSeverity | 'off';

export interface SignatureRule {
  require: SignatureKind;
  /** cosign public keys: PEM text, or paths relative to the policy file (read by the host, not the core). */
  keys: string[];
  identities: IdentityRule[];
  /** Fail when a cosign payload names another repository (cosign itself ignores it so that mirrors work). */
  matchReference: boolean;
  /** Require a Rekor entry (SET or inclusion proof) for key-based cosign signatures too. */
  requireTlog: boolean;
}

/** What applies to one reference once every matching rule is merged. */
export interface EffectiveRule {
  requirePin: boolean;
  signatures: SignatureRule;
  expiryWarningDays: number;
  severity: Record<string, SeveritySetting>;
}

/** A rule applies to references whose registry or repository (`docker.io/library/alpine`) matches its globs. */
export interface PolicyRule {
  match: { registry?: string; repository?: string };
  requirePin?: boolean;
  signatures?: Partial<SignatureRule>;
  expiryWarningDays?: number;
  severity?: Record<string, SeveritySetting>;
}

/** A known, accepted finding for some images, until a date (an expired exception stops applying and says so). */
export interface PolicyException {
  image: string;
  /** Codes it covers; every code when empty. */
  codes: string[];
  reason: string;
  /** `YYYY-MM-DD`, the last day it applies (UTC). */
  until: string;
}

export interface Policy {
  /** Where it came from, for messages: a file path, `settings`, or `defaults`. */
  source: string;
  defaults: EffectiveRule;
  /** Registry globs (`ghcr.io`, `*.example.com`, `127.0.0.1:*`); empty allows every registry. */
  allowedRegistries: string[];
  rules: PolicyRule[];
  exceptions: PolicyException[];
}

/**
 * With no policy file: unpinned references and signature failures are reported, absent signatures are not
 * required, and nothing recommends another tag.
 */
export const DEFAULT_RULE: EffectiveRule = {
  requirePin: true,
  signatures: { require: 'none', keys: [], identities: [], matchReference: false, requireTlog: false },
  expiryWarningDays: 30,
  severity: {},
};

export const DEFAULT_POLICY: Policy = {
  source: 'defaults',
  defaults: DEFAULT_RULE,
  allowedRegistries: [],
  rules: [],
  exceptions: [],
};
