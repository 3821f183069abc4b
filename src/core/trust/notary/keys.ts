import { createHash, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { canonicalBytes } from './canonical-json';
import type { TufKey } from './metadata';

/** A TUF key made usable: the public key, and for `*-x509` keys the leaf certificate it came from. */
export interface PublicKey {
  keytype: string;
  key: KeyObject;
  certificate?: X509Certificate;
}

// DER prefix of an Ed25519 SubjectPublicKeyInfo; notary stores the raw 32 bytes.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const KEY_TYPES = new Set(['ecdsa', 'rsa', 'ed25519', 'ecdsa-x509', 'rsa-x509']);

/** Notary's key ID: sha256 of the canonical `{"keytype","keyval":{"private":null,"public"}}`. */
export function computeKeyId(key: TufKey): string {
  const bare = { keytype: key.keytype, keyval: { private: null, public: key.keyval.public } };
  return createHash('sha256').update(canonicalBytes(bare)).digest('hex');
}

/** The ID the notary CLI and `docker trust inspect` show for a certificate key: that of its bare public key. */
export function canonicalKeyId(key: TufKey, parsed: PublicKey): string {
  if (parsed.certificate === undefined) return computeKeyId(key);
  const spki = parsed.key.export({ type: 'spki', format: 'der' }).toString('base64');
  return computeKeyId({ keytype: key.keytype.replace(/-x509$/, ''), keyval: { public: spki, private: null } });
}

// Parsing a key (an X.509 certificate above all) costs more than verifying with it; the same keys sign every role.
const parsed = new Map<string, PublicKey | undefined>();
const MAX_PARSED = 512;

/** `undefined` for an unknown key type or bytes that are not a key: such a key verifies nothing. */
export function parsePublicKey(key: TufKey): PublicKey | undefined {
  const id = `${key.keytype} ${key.keyval.public}`;
  if (parsed.has(id)) return parsed.get(id);
  const result = parseUncached(key);
  if (parsed.size >= MAX_PARSED) parsed.clear();
  parsed.set(id, result);
  return result;
}

function parseUncached(key: TufKey): PublicKey | undefined {
  if (!KEY_TYPES.has(key.keytype)) return undefined;
  const bytes = Buffer.from(key.keyval.public, 'base64');
  try {
    if (key.keytype.endsWith('-x509')) {
      // A PEM bundle, leaf first (X509Certificate reads the first certificate).
      const certificate = new X509Certificate(bytes);
      return { keytype: key.keytype, key: certificate.publicKey, certificate };
    }
    const der = key.keytype === 'ed25519' ? Buffer.concat([ED25519_SPKI_PREFIX, bytes]) : bytes;
    return { keytype: key.keytype, key: createPublicKey({ key: der, format: 'der', type: 'spki' }) };
  } catch {
    return undefined;
  }
}

/** The value of a certificate's CN (the GUN for a root certificate). */
export function commonName(certificate: X509Certificate): string | undefined {
  const line = certificate.subject.split('\n').find((part) => part.startsWith('CN='));
  return line?.slice(3);
}
