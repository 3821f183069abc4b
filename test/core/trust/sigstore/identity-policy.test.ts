import { describe, expect, it } from 'vitest';
import {
  checkIdentityPolicy,
  createSigstoreTrust,
  matchIdentity,
  publicGoodTrustedRoot,
  type IdentityPolicy,
} from '../../../../src/core/trust/sigstore';

const ISSUER = 'https://token.actions.githubusercontent.com';
const policy = (subject: IdentityPolicy['subject']): IdentityPolicy => ({
  subject,
  issuer: { kind: 'exact', value: ISSUER },
});

describe('matchIdentity', () => {
  const evil = { subject: 'https://github.com/acme-evil/app/.github/workflows/r.yml@refs/heads/main', issuer: ISSUER };
  const good = { subject: 'https://github.com/acme', issuer: ISSUER };

  it('takes an exact identity as the whole string: github.com/acme does not admit github.com/acme-evil', () => {
    const exact = policy({ kind: 'exact', value: 'https://github.com/acme' });
    expect(matchIdentity(evil, [exact])).toBeUndefined();
    expect(matchIdentity(good, [exact])).toBe(exact);
  });

  it('matches a regexp anywhere in the SAN, as cosign’s --certificate-identity-regexp does', () => {
    const loose = policy({ kind: 'regexp', pattern: 'github\\.com/acme' });
    expect(matchIdentity(evil, [loose])).toBe(loose);
    expect(matchIdentity(evil, [policy({ kind: 'regexp', pattern: '^https://github\\.com/acme/' })])).toBeUndefined();
  });

  it('needs the issuer to match as well', () => {
    const other = { subject: good.subject, issuer: 'https://accounts.google.com' };
    expect(matchIdentity(other, [policy({ kind: 'exact', value: good.subject })])).toBeUndefined();
  });
});

describe('checkIdentityPolicy', () => {
  it('refuses a pattern that is not a regular expression', () => {
    expect(() => checkIdentityPolicy(policy({ kind: 'regexp', pattern: '(' }))).toThrow(
      expect.objectContaining({ code: 'COSIGN_INVALID_IDENTITY' }),
    );
  });

  it('is applied by createSigstoreTrust, so a bad pattern never reaches a verification', () => {
    const identities = [policy({ kind: 'regexp', pattern: '[' })];
    expect(() =>
      createSigstoreTrust({ trustedRoot: publicGoodTrustedRoot(), keys: [], identities, requireTlog: false }),
    ).toThrow(expect.objectContaining({ code: 'COSIGN_INVALID_IDENTITY' }));
  });
});
