import { constants, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCosignKey, type CosignKey } from '../../../../src/core/trust/sigstore';
import { verifyWithKey } from '../../../../src/core/trust/sigstore/public-keys';

const payload = Buffer.from('{"critical":{}}');

function pair(kind: 'p256' | 'p384' | 'rsa' | 'ed25519'): { privateKey: KeyObject; key: CosignKey } {
  const generated =
    kind === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : kind === 'ed25519'
        ? generateKeyPairSync('ed25519')
        : generateKeyPairSync('ec', { namedCurve: kind === 'p256' ? 'P-256' : 'P-384' });
  const pem = generated.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  return { privateKey: generated.privateKey, key: parseCosignKey(pem, `${kind}.pub`) };
}

describe('verifyWithKey', () => {
  it.each([
    ['ECDSA P-256, DER, SHA-256', 'p256', (k: KeyObject) => sign('sha256', payload, k)],
    ['ECDSA P-384, DER, SHA-384', 'p384', (k: KeyObject) => sign('sha384', payload, k)],
    ['RSA PKCS#1 v1.5, SHA-256', 'rsa', (k: KeyObject) => sign('sha256', payload, k)],
    [
      'RSA-PSS, SHA-256, salt 32',
      'rsa',
      (k: KeyObject) => sign('sha256', payload, { key: k, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }),
    ],
    ['Ed25519', 'ed25519', (k: KeyObject) => sign(null, payload, k)],
  ] as const)('accepts %s and rejects it over altered bytes', (_name, kind, signWith) => {
    const { privateKey, key } = pair(kind);
    const signature = signWith(privateKey);
    expect(verifyWithKey(key, payload, signature)).toBe(true);
    expect(verifyWithKey(key, Buffer.from('{"critical":{ }}'), signature)).toBe(false);
  });

  it('rejects raw r‖s ECDSA signatures (TUF style): cosign signatures are DER', () => {
    const { privateKey, key } = pair('p256');
    const raw = sign('sha256', payload, { key: privateKey, dsaEncoding: 'ieee-p1363' });
    expect(verifyWithKey(key, payload, raw)).toBe(false);
  });

  it('rejects a signature by another key', () => {
    const signature = sign('sha256', payload, pair('p256').privateKey);
    expect(verifyWithKey(pair('p256').key, payload, signature)).toBe(false);
  });
});

describe('parseCosignKey', () => {
  it('names a key by sha256 of its SPKI DER', () => {
    expect(pair('p256').key.keyId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fails with COSIGN_INVALID_KEY for text that is not a PEM public key', () => {
    expect(() => parseCosignKey('not a key', 'x.pub')).toThrow(expect.objectContaining({ code: 'COSIGN_INVALID_KEY' }));
  });
});
