import { describe, expect, it } from 'vitest';
import { parsePolicyObject, parsePolicyText, PolicyError } from '../../../src/core/policy';

const FULL = `version: 1
expiryWarningDays: 14
allowedRegistries: [docker.io, "127.0.0.1:*"]
severity:
  PIN_OUTDATED: warning
rules:
  - match: { repository: "docker.io/library/*" }
    signatures:
      require: cosign
      keys: [keys/cosign.pub]
      identities:
        - subject: https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main
          issuer: https://token.actions.githubusercontent.com
        - subjectRegExp: "^https://github.com/acme/"
          issuer: https://token.actions.githubusercontent.com
    severity: { IMAGE_UNPINNED: error }
exceptions:
  - image: docker.io/library/redis
    codes: [SIGNATURE_REQUIRED]
    reason: upstream does not sign yet (#42)
    until: 2027-01-31
`;

function policyError(text: string): PolicyError {
  try {
    parsePolicyText(text, '.image-trust.yaml');
  } catch (error) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
  throw new Error('the policy parsed');
}

describe('parsePolicyText', () => {
  it('reads every section of a policy file', () => {
    const policy = parsePolicyText(FULL, '.image-trust.yaml');
    expect(policy.defaults).toMatchObject({
      expiryWarningDays: 14,
      requirePin: true,
      severity: { PIN_OUTDATED: 'warning' },
    });
    expect(policy.allowedRegistries).toEqual(['docker.io', '127.0.0.1:*']);
    expect(policy.rules[0]?.match).toEqual({ repository: 'docker.io/library/*' });
    expect(policy.rules[0]?.signatures?.identities).toEqual([
      {
        kind: 'exact',
        subject: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
        issuer: 'https://token.actions.githubusercontent.com',
      },
      {
        kind: 'regexp',
        subjectRegExp: '^https://github.com/acme/',
        issuer: 'https://token.actions.githubusercontent.com',
      },
    ]);
    expect(policy.exceptions).toEqual([
      {
        image: 'docker.io/library/redis',
        codes: ['SIGNATURE_REQUIRED'],
        reason: 'upstream does not sign yet (#42)',
        until: '2027-01-31',
      },
    ]);
  });

  it('treats an empty file as the defaults', () => {
    const policy = parsePolicyText('# nothing yet\n', 'p.yaml');
    expect(policy.defaults.requirePin).toBe(true);
    expect(policy.defaults.signatures.require).toBe('none');
  });

  describe('when a key is misspelt', () => {
    it('fails with POLICY_UNKNOWN_KEY at its line and column, naming the key it resembles', () => {
      const error = policyError('rules:\n  - match: { registry: ghcr.io }\n    requirePim: true\n');
      expect(error).toMatchObject({ code: 'POLICY_UNKNOWN_KEY', position: { line: 3, column: 5 } });
      expect(error.message).toContain("did you mean 'requirePin'");
      expect(error.located).toMatch(/^\.image-trust\.yaml:3:5: /);
    });
  });

  it('lists the known keys when nothing is close', () => {
    expect(policyError('colour: blue\n').message).toContain('known keys: version');
  });

  it.each([
    ['a signature kind it does not know', 'signatures:\n  require: cosgin\n', 2, 12, "did you mean 'cosign'"],
    ['a window that is not a whole number', 'expiryWarningDays: soon\n', 1, 20, 'whole number'],
    ['an exception without a reason', 'exceptions:\n  - image: a\n    until: 2027-01-01\n', 2, 5, 'reason'],
    [
      'an exception date that is not a date',
      'exceptions:\n  - { image: a, reason: r, until: next week }\n',
      2,
      35,
      'YYYY-MM-DD',
    ],
    [
      'an identity with both subject forms',
      'signatures:\n  identities:\n    - { subject: a, subjectRegExp: b, issuer: c }\n',
      3,
      7,
      'exactly one',
    ],
    [
      'a subject pattern that does not compile',
      'signatures:\n  identities:\n    - { subjectRegExp: "(", issuer: c }\n',
      3,
      24,
      'regular expression',
    ],
    ['a severity that is not one', 'severity:\n  IMAGE_UNPINNED: loud\n', 2, 19, 'one of error'],
    ['a rule that matches nothing', 'rules:\n  - match: {}\n', 2, 12, 'registry or repository'],
    ['another version', 'version: 2\n', 1, 10, 'version must be 1'],
  ])('fails with POLICY_INVALID_VALUE for %s', (_, text, line, column, words) => {
    const error = policyError(text);
    expect(error).toMatchObject({ code: 'POLICY_INVALID_VALUE', position: { line, column } });
    expect(error.message).toContain(words);
  });

  it('fails with POLICY_SYNTAX where the YAML breaks', () => {
    expect(policyError('rules:\n  - match: { registry: [\n')).toMatchObject({
      code: 'POLICY_SYNTAX',
      position: { line: 3 },
    });
  });

  it('refuses a key written twice', () => {
    expect(policyError('requirePin: true\nrequirePin: false\n').code).toBe('POLICY_SYNTAX');
  });
});

describe('parsePolicyObject', () => {
  it('reads the same shape from settings', () => {
    const policy = parsePolicyObject({ rules: [{ match: { registry: 'ghcr.io' }, signatures: { require: 'any' } }] });
    expect(policy.rules[0]?.signatures?.require).toBe('any');
  });

  it('names the key path of a mistake, without a position', () => {
    expect(() => parsePolicyObject({ rules: [{ match: { registry: 'x' }, requirePin: 'yes' }] })).toThrow(
      expect.objectContaining({
        code: 'POLICY_INVALID_VALUE',
        position: undefined,
        message: 'rules[0].requirePin must be true or false',
      }),
    );
  });
});
