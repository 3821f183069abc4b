import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { canonicalBytes, canonicalString } from '../../../../src/core/trust/notary/canonical-json';
import { computeKeyId } from '../../../../src/core/trust/notary/keys';
import type { FileMeta, TufKey } from '../../../../src/core/trust/notary/metadata';

/** A key that signs metadata: its TUF form, ID and private half. */
export interface Signer {
  id: string;
  key: TufKey;
  privateKey: KeyObject;
}

const DAY = 24 * 60 * 60 * 1000;

function signerOf(key: TufKey, privateKey: KeyObject): Signer {
  return { id: computeKeyId(key), key, privateKey };
}

export function ecdsaSigner(): Signer {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return signerOf({ keytype: 'ecdsa', keyval: { public: spki, private: null } }, privateKey);
}

/** A self-signed leaf certificate with CN = GUN, as `notary init` makes for root keys (openssl writes it). */
export function certificateSigner(gun: string, days = 3650): Signer {
  const out = execFileSync('openssl', [
    ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-noenc', '-keyout', '-'],
    ...['-subj', `/CN=${gun.replace(/\//g, '\\/')}`, '-days', String(days), '-sha256'],
    ...['-addext', 'basicConstraints=critical,CA:FALSE', '-addext', 'extendedKeyUsage=codeSigning'],
  ]).toString();
  const pem = (label: string) =>
    out.slice(out.indexOf(`-----BEGIN ${label}`), out.indexOf(`-----END ${label}-----`) + 14 + label.length + 6);
  const cert = pem('CERTIFICATE');
  const key: TufKey = {
    keytype: 'ecdsa-x509',
    keyval: { public: Buffer.from(cert).toString('base64'), private: null },
  };
  return signerOf(key, createPrivateKey(pem('PRIVATE KEY')));
}

/** Notary's wire form: `{"signed":…,"signatures":[…]}` in that order with raw r‖s ECDSA signatures over canonical `signed`. */
export function signFile(signed: object, signers: Signer[], corrupt = false): Uint8Array {
  const data = canonicalBytes(signed);
  const signatures = signers.map((s) => {
    const sig = sign('sha256', data, { key: s.privateKey, dsaEncoding: 'ieee-p1363' });
    if (corrupt) sig[0] = (sig[0] ?? 0) ^ 0xff;
    return { keyid: s.id, method: 'ecdsa', sig: sig.toString('base64') };
  });
  return new TextEncoder().encode(`{"signed":${canonicalString(signed)},"signatures":${canonicalString(signatures)}}`);
}

export function fileMeta(bytes: Uint8Array): FileMeta {
  const hash = (alg: string) => createHash(alg).update(bytes).digest('base64');
  return { hashes: { sha256: hash('sha256'), sha512: hash('sha512') }, length: bytes.length };
}

export function targetMeta(digest: string, size: number): FileMeta {
  return { hashes: { sha256: Buffer.from(digest.replace('sha256:', ''), 'hex').toString('base64') }, length: size };
}

export function expiresIn(days: number, from: number): string {
  return new Date(from + days * DAY).toISOString().replace(/\.?0+Z$/, 'Z');
}

export function keyTable(signers: Signer[]): Record<string, TufKey> {
  return Object.fromEntries(signers.map((s) => [s.id, s.key]));
}
