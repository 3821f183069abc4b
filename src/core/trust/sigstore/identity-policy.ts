import { CosignError } from './cosign-error';

/** A string matched exactly, or a regular expression matched anywhere in it (as cosign's Go `MatchString`). */
export type IdentityMatcher = { kind: 'exact'; value: string } | { kind: 'regexp'; pattern: string };

/** Who may sign keylessly: the certificate's SAN and its OIDC issuer (`--certificate-identity[-regexp]`, …). */
export interface IdentityPolicy {
  subject: IdentityMatcher;
  issuer: IdentityMatcher;
}

/** The identity a verified Fulcio certificate carries. */
export interface CertificateIdentity {
  subject: string;
  issuer: string;
}

/** Compiles a regexp matcher once, so a bad pattern is a clear error before any network traffic. */
export function checkIdentityPolicy(policy: IdentityPolicy): IdentityPolicy {
  for (const matcher of [policy.subject, policy.issuer]) {
    if (matcher.kind !== 'regexp') continue;
    try {
      new RegExp(matcher.pattern, 'u');
    } catch (error) {
      const message = `The identity pattern '${matcher.pattern}' is not a valid regular expression.`;
      throw new CosignError('COSIGN_INVALID_IDENTITY', message, { cause: error });
    }
  }
  return policy;
}

// Exact is string equality: `github.com/acme` must not admit `github.com/acme-evil`, which @sigstore/verify's
// unanchored RegExp match would.
function matches(matcher: IdentityMatcher, value: string): boolean {
  return matcher.kind === 'exact' ? matcher.value === value : new RegExp(matcher.pattern, 'u').test(value);
}

/** The first policy the certificate's identity satisfies, or `undefined`. */
export function matchIdentity(
  identity: CertificateIdentity,
  policies: readonly IdentityPolicy[],
): IdentityPolicy | undefined {
  return policies.find((p) => matches(p.subject, identity.subject) && matches(p.issuer, identity.issuer));
}

/** How a policy reads in a message: `SAN 'x' from issuer 'y'`. */
export function describeIdentityPolicy(policy: IdentityPolicy): string {
  const show = (m: IdentityMatcher) => (m.kind === 'exact' ? `'${m.value}'` : `/${m.pattern}/`);
  return `${show(policy.subject)} from issuer ${show(policy.issuer)}`;
}
