import { constants, createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { CosignError } from './cosign-error';

/** A verification key as given with `--key`: a PEM public key (a `cosign.pub` file is one). */
export interface CosignKey {
  /** hex(sha256(SPKI DER)): the key hint sigstore uses for public keys. */
  keyId: string;
  key: KeyObject;
}

/** Reads a PEM public key (SPKI `PUBLIC KEY`, or `RSA PUBLIC KEY`); `source` names it in the error. */
export function parseCosignKey(pem: string, source: string): CosignKey {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw new CosignError('COSIGN_INVALID_KEY', `${source} is not a PEM public key.`, { cause: error });
  }
  if (!['ec', 'rsa', 'rsa-pss', 'ed25519'].includes(key.asymmetricKeyType ?? '')) {
    throw new CosignError(
      'COSIGN_INVALID_KEY',
      `${source} is a ${key.asymmetricKeyType} key: use ECDSA, RSA or Ed25519.`,
    );
  }
  const der = key.export({ format: 'der', type: 'spki' });
  return { keyId: createHash('sha256').update(der).digest('hex'), key };
}

// The digest sigstore's LoadVerifier pairs with each curve.
const CURVE_HASH: Record<string, string> = { prime256v1: 'sha256', secp384r1: 'sha384', secp521r1: 'sha512' };

/**
 * Verifies a cosign signature over the payload bytes: ECDSA in ASN.1 DER (not raw r‖s as in TUF) with the
 * curve's hash, RSA PKCS#1 v1.5 or PSS (any salt length, as Go's PSSSaltLengthAuto) over SHA-256, pure Ed25519.
 */
export function verifyWithKey(key: CosignKey, payload: Uint8Array, signature: Uint8Array): boolean {
  const { key: object } = key;
  try {
    switch (object.asymmetricKeyType) {
      case 'ec': {
        const hash = CURVE_HASH[object.asymmetricKeyDetails?.namedCurve ?? ''];
        return hash !== undefined && verify(hash, payload, { key: object, dsaEncoding: 'der' }, signature);
      }
      case 'rsa':
      case 'rsa-pss':
        return verifyRsa(object, payload, signature);
      case 'ed25519':
        return verify(null, payload, object, signature);
      default:
        return false;
    }
  } catch {
    // A signature that is not even well-formed for the key's algorithm does not verify: not a separate outcome.
    return false;
  }
}

function verifyRsa(key: KeyObject, payload: Uint8Array, signature: Uint8Array): boolean {
  if (
    key.asymmetricKeyType === 'rsa' &&
    verify('sha256', payload, { key, padding: constants.RSA_PKCS1_PADDING }, signature)
  )
    return true;
  const pss = { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO };
  return verify('sha256', payload, pss, signature);
}
