import { createPrivateKey, createPublicKey, verify, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libtrustKeyId, signRegistryToken } from './jwt';
import { createPki } from './pki';

describe('libtrustKeyId', () => {
  it('matches the vector verified against distribution 2.8 (RIG-NOTES §4.3)', () => {
    const spki =
      'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEGBLQvfCzcGrRJ+I9GO5uyvtnA6kjayz9hvPqYIhBXryVA9u9X/7gtyspfwzbDn1XAuh7wSJqI/1dtdcjYsX+rQ==';
    const key = createPublicKey({ key: Buffer.from(spki, 'base64'), format: 'der', type: 'spki' });
    expect(libtrustKeyId(key)).toBe('DXGB:PEQU:FR2C:VSVY:CQCS:QH2Q:UBGB:HGE7:4BMF:R56L:I4XZ:MQKI');
  });
});

describe('signRegistryToken', () => {
  let dir: string;
  let cert: X509Certificate;
  let token: string;
  const access = [{ type: 'repository', name: 'demo/app', actions: ['pull'] }];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rig-jwt-'));
    const pki = await createPki(dir);
    cert = new X509Certificate(await readFile(pki.tokenCert));
    const key = createPrivateKey(await readFile(pki.tokenKey));
    const claims = { issuer: 'iss', service: 'svc', subject: 'bob', access, ttlSeconds: 300, nowSeconds: 1_000 };
    token = signRegistryToken(claims, key, cert);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const part = (i: number) => JSON.parse(Buffer.from(token.split('.')[i] ?? '', 'base64url').toString('utf8'));

  it('names the key by kid and x5c (standard base64 DER)', () => {
    expect(part(0)).toEqual({
      typ: 'JWT',
      alg: 'ES256',
      kid: libtrustKeyId(cert.publicKey),
      x5c: [cert.raw.toString('base64')],
    });
  });

  it('sets aud as a plain string and exp from the TTL', () => {
    expect(part(1)).toMatchObject({ iss: 'iss', sub: 'bob', aud: 'svc', exp: 1_300, nbf: 999, iat: 1_000, access });
  });

  it('signs with a raw 64-byte r||s signature, not DER', () => {
    const [header, claims, signature] = token.split('.') as [string, string, string];
    const raw = Buffer.from(signature, 'base64url');
    expect(raw).toHaveLength(64);
    const input = Buffer.from(`${header}.${claims}`);
    expect(verify('sha256', input, { key: cert.publicKey, dsaEncoding: 'ieee-p1363' }, raw)).toBe(true);
  });
});
