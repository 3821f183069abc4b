import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/cli-io';
import { cosignTrustFromFlags } from '../../src/cli/verify-cosign-flags';
import { SIGSTORE_PEER_DATA } from '../core/trust/sigstore/peer-fixtures';
import { makeTempTree } from '../support/temp-dir';

const STAGING = `${SIGSTORE_PEER_DATA}sigstore-python/staging-tuf-repo-cdn.sigstage.dev/trusted_root.json`;
const ISSUER = 'https://token.actions.githubusercontent.com';

describe('cosignTrustFromFlags', () => {
  let dir: { root: string; remove: () => Promise<void> };
  beforeAll(async () => {
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'pem', type: 'spki' });
    dir = await makeTempTree({
      'cosign.pub': pem.toString(),
      'bad.pub': 'not a key\n',
      'root.json': readFileSync(STAGING, 'utf8'),
      'bad-root.json': '{"mediaType":"application/json"}',
    });
  });
  afterAll(() => dir.remove());
  const trust = (values: Parameters<typeof cosignTrustFromFlags>[0]) => cosignTrustFromFlags(values, dir.root);

  it('asks for nothing without a key or identity', () => {
    expect(trust({})).toBeUndefined();
  });

  it('builds key and keyless verifiers against the root given', () => {
    const built = trust({
      key: ['cosign.pub'],
      'certificate-identity': 'https://github.com/acme',
      'certificate-oidc-issuer': ISSUER,
      'trusted-root': 'root.json',
      'require-tlog': true,
    });
    expect(built?.keyVerifiers).toHaveLength(1);
    expect(built?.identities).toEqual([
      { subject: { kind: 'exact', value: 'https://github.com/acme' }, issuer: { kind: 'exact', value: ISSUER } },
    ]);
    expect(built?.trustedRoot.tlogs[0]?.baseUrl).toContain('sigstage');
    expect(built?.requireTlog).toBe(true);
  });

  it('defaults to the public-good root shipped with the tool', () => {
    const built = trust({ 'certificate-identity-regexp': 'acme', 'certificate-oidc-issuer': ISSUER });
    expect(built?.trustedRoot.tlogs[0]?.baseUrl).toBe('https://rekor.sigstore.dev');
  });

  it.each([
    ['an identity without an issuer', { 'certificate-identity': 'x' }],
    ['an issuer without an identity', { 'certificate-oidc-issuer': ISSUER }],
    [
      'an exact and a regexp identity',
      { 'certificate-identity': 'x', 'certificate-identity-regexp': 'x', 'certificate-oidc-issuer': ISSUER },
    ],
    [
      'an identity pattern that is not a regexp',
      { 'certificate-identity-regexp': '(', 'certificate-oidc-issuer': ISSUER },
    ],
    ['a key file that is not a key', { key: ['bad.pub'] }],
    ['a key file that does not exist', { key: ['missing.pub'] }],
    ['a trusted root that is not one', { key: ['cosign.pub'], 'trusted-root': 'bad-root.json' }],
    ['--trusted-root without a key or identity', { 'trusted-root': 'root.json' }],
    ['--require-tlog without a key or identity', { 'require-tlog': true }],
  ])('refuses %s with a usage error', (_, values) => {
    expect(() => trust(values)).toThrow(UsageError);
  });
});
