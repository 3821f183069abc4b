import { constants, verify } from 'node:crypto';
import type { PublicKey } from './keys';

const ALGORITHM_KEY_TYPES: Record<string, string> = { ec: 'ecdsa', rsa: 'rsa', ed25519: 'ed25519' };

/** Whether `method` may be used with this key (SIGNATURE-NOTES §3.3); the legacy pycrypto PSS never interoperated. */
function methodFits(method: string, key: PublicKey): boolean {
  const family = ALGORITHM_KEY_TYPES[key.key.asymmetricKeyType ?? ''];
  if (method === 'ecdsa') return family === 'ecdsa';
  if (method === 'rsapss' || method === 'rsapkcs1v15') return family === 'rsa' && rsaBits(key) >= 2048;
  if (method === 'eddsa') return family === 'ed25519';
  return false;
}

function rsaBits(key: PublicKey): number {
  return key.key.asymmetricKeyDetails?.modulusLength ?? 0;
}

/** Verifies one signature: ECDSA P-256/SHA-256 raw r‖s, RSA-PSS salt 32 or PKCS#1 v1.5 (SHA-256), Ed25519. */
export function verifySignature(method: string, key: PublicKey, data: Uint8Array, signature: Uint8Array): boolean {
  const m = method.toLowerCase();
  if (!methodFits(m, key)) return false;
  try {
    if (m === 'ecdsa') return verify('sha256', data, { key: key.key, dsaEncoding: 'ieee-p1363' }, signature);
    if (m === 'rsapss') {
      return verify(
        'sha256',
        data,
        { key: key.key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
        signature,
      );
    }
    if (m === 'rsapkcs1v15')
      return verify('sha256', data, { key: key.key, padding: constants.RSA_PKCS1_PADDING }, signature);
    return verify(null, data, key.key, signature);
  } catch {
    return false;
  }
}

export function isKnownMethod(method: string): boolean {
  return ['ecdsa', 'rsapss', 'rsapkcs1v15', 'eddsa'].includes(method.toLowerCase());
}
