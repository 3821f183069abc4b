import { generateKeyPairSync } from 'node:crypto';
import type { TransparencyLogEntry } from '@sigstore/bundle';
import { describe, expect, it } from 'vitest';
import { verifyRekorSigner } from '../../../../src/core/trust/sigstore/rekor-body';

const signer = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
const pemB64 = (key: typeof signer) => Buffer.from(key.export({ format: 'pem', type: 'spki' })).toString('base64');
const derB64 = (key: typeof signer) => key.export({ format: 'der', type: 'spki' }).toString('base64');
const entry = (body: unknown): TransparencyLogEntry =>
  ({ logIndex: '7', canonicalizedBody: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)) }) as never;

const hashedrekord = (key: typeof signer) => ({
  kind: 'hashedrekord',
  apiVersion: '0.0.1',
  spec: { signature: { content: 'c2ln', publicKey: { content: pemB64(key) } }, data: {} },
});
const dsse = (key: typeof signer) => ({
  kind: 'dsse',
  apiVersion: '0.0.1',
  spec: { signatures: [{ signature: 'c2ln', verifier: pemB64(key) }] },
});
const rekorV2 = (key: typeof signer) => ({
  kind: 'hashedrekord',
  apiVersion: '0.0.2',
  spec: { hashedRekordV002: { signature: { verifier: { publicKey: { rawBytes: derB64(key) } } } } },
});

describe('verifyRekorSigner', () => {
  it.each([
    ['hashedrekord 0.0.1', hashedrekord],
    ['dsse 0.0.1', dsse],
    ['hashedrekord 0.0.2 (Rekor v2)', rekorV2],
  ])('accepts a %s entry that names the signing key', (_, body) => {
    expect(() => verifyRekorSigner([entry(body(signer))], { key: signer })).not.toThrow();
  });

  it.each([
    ['hashedrekord 0.0.1', hashedrekord],
    ['dsse 0.0.1', dsse],
    ['hashedrekord 0.0.2 (Rekor v2)', rekorV2],
  ])('fails with COSIGN_TLOG_MISMATCH for a %s entry that names another key', (_, body) => {
    expect(() => verifyRekorSigner([entry(body(other))], { key: signer })).toThrow(
      expect.objectContaining({ code: 'COSIGN_TLOG_MISMATCH' }),
    );
  });

  it.each([
    ['an unknown kind', { kind: 'rekord', apiVersion: '0.0.1', spec: {} }],
    ['a body that is not JSON', '{'],
  ])('fails with COSIGN_TLOG_MISMATCH for %s', (_, body) => {
    expect(() => verifyRekorSigner([entry(body)], { key: signer })).toThrow(
      expect.objectContaining({ code: 'COSIGN_TLOG_MISMATCH' }),
    );
  });
});
