import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cosignTrustPlan } from '../../../src/core/features/cosign-trust-plan';
import { DEFAULT_POLICY, parsePolicyText } from '../../../src/core/policy';
import { parseCosignKey, publicGoodTrustedRoot } from '../../../src/core/trust/sigstore';

const key = (name: string) =>
  parseCosignKey(
    generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    name,
  );
const trustedRoot = publicGoodTrustedRoot();
const team = key('team.pub');
const user = key('user.pub');
const POLICY = [
  'version: 1',
  'rules:',
  '  - match: { repository: "registry.example/team/*" }',
  '    signatures: { keys: [team.pub] }',
  '  - match: { repository: "registry.example/ci/*" }',
  '    signatures:',
  '      identities: [{ subject: "https://ci.example/build", issuer: "https://issuer.example" }]',
  '',
].join('\n');
const policy = parsePolicyText(POLICY, '/w/.image-trust.yaml');
const at = (path: string) => ({ domain: 'registry.example', path });
const keyIds = (trust: ReturnType<ReturnType<typeof cosignTrustPlan>>) => trust?.keys.map((k) => k.keyId);

describe('cosignTrustPlan', () => {
  it("trusts a policy rule's key for the repositories it matches only", () => {
    const plan = cosignTrustPlan(policy, {
      keys: [],
      identities: [],
      policyKeys: new Map([['team.pub', team]]),
      trustedRoot,
    });
    expect(keyIds(plan(at('team/app')))).toEqual([team.keyId]);
    expect(plan(at('other/app'))).toBeUndefined();
  });

  it('adds the settings keys everywhere, and builds the verifiers once per distinct set', () => {
    const plan = cosignTrustPlan(policy, {
      keys: [user],
      identities: [],
      policyKeys: new Map([['team.pub', team]]),
      trustedRoot,
    });
    expect(keyIds(plan(at('team/app')))).toEqual([user.keyId, team.keyId]);
    expect(keyIds(plan(at('other/app')))).toEqual([user.keyId]);
    expect(plan(at('team/app'))).toBe(plan(at('team/tool')));
  });

  it("passes a rule's keyless identities to the verifier, the issuer exact", () => {
    const plan = cosignTrustPlan(policy, { keys: [], identities: [], policyKeys: new Map(), trustedRoot });
    expect(plan(at('ci/app'))?.identities).toEqual([
      {
        subject: { kind: 'exact', value: 'https://ci.example/build' },
        issuer: { kind: 'exact', value: 'https://issuer.example' },
      },
    ]);
  });

  it('verifies nothing where nothing is trusted', () => {
    const plan = cosignTrustPlan(DEFAULT_POLICY, { keys: [], identities: [], policyKeys: new Map(), trustedRoot });
    expect(plan(at('team/app'))).toBeUndefined();
  });
});
