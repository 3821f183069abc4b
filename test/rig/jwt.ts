import { createHash, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';

/** One entry of the registry's `access` claim. */
export interface AccessEntry {
  type: string;
  name: string;
  actions: string[];
}

export interface TokenClaims {
  issuer: string;
  service: string;
  subject: string;
  access: AccessEntry[];
  ttlSeconds: number;
  nowSeconds: number;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Buffer): string {
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i + 5 <= bits.length; i += 5) out += BASE32[parseInt(bits.slice(i, i + 5), 2)];
  return out;
}

/** libtrust's key ID: base32 of the first 30 bytes of sha256(DER SPKI), in 12 groups of 4 (RIG-NOTES §4.3). */
export function libtrustKeyId(publicKey: KeyObject): string {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const encoded = base32(createHash('sha256').update(spki).digest().subarray(0, 30));
  return encoded.match(/.{4}/g)?.join(':') ?? '';
}

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/**
 * A compact JWS that distribution 2.8 accepts: ES256 with a raw r||s signature, `kid` and `x5c` of a cert in
 * the registry's bundle, `aud` a plain string, `exp` set.
 */
export function signRegistryToken(claims: TokenClaims, key: KeyObject, cert: X509Certificate): string {
  const header = {
    typ: 'JWT',
    alg: 'ES256',
    kid: libtrustKeyId(cert.publicKey),
    x5c: [cert.raw.toString('base64')],
  };
  const payload = {
    iss: claims.issuer,
    sub: claims.subject,
    aud: claims.service,
    exp: claims.nowSeconds + claims.ttlSeconds,
    nbf: claims.nowSeconds - 1,
    iat: claims.nowSeconds,
    jti: randomBytes(16).toString('hex'),
    access: claims.access,
  };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${base64url(signature)}`;
}
