import { NOTARY_DEFAULTS } from './defaults';
import { isoDate } from './expiry';
import { canonicalKeyId, commonName, parsePublicKey } from './keys';
import type { RootSigned, SignedFile, TufKey } from './metadata';
import { NotaryError } from './notary-error';

/** A certificate key's validity, as evidence. */
export interface CertificateEvidence {
  role: string;
  /** The canonical key ID (what `notary` and `docker trust inspect` show). */
  keyId: string;
  notAfter: string;
}

/** A root certificate's CN must be the GUN, or end in `*` and (minus it) be a prefix of the GUN. */
function cnMatches(cn: string | undefined, gun: string): boolean {
  if (cn === undefined) return false;
  return cn.endsWith('*') ? gun.startsWith(cn.slice(0, -1)) : cn === gun;
}

/** Why a root key cannot sign for this GUN (now, unless `referenceTime` is undefined); `undefined` when it can. */
function rootKeyProblem(key: TufKey, gun: string, referenceTime: number | undefined): NotaryError | undefined {
  const parsed = parsePublicKey(key);
  if (parsed?.certificate === undefined || parsed.certificate.ca) {
    return new NotaryError('TUF_ROOT_INVALID', 'A root key is not a leaf certificate.', { gun, role: 'root' });
  }
  const { certificate } = parsed;
  if (!cnMatches(commonName(certificate), gun)) {
    return new NotaryError('TUF_ROOT_GUN_MISMATCH', `The root certificate is for another repository than ${gun}.`, {
      gun,
      role: 'root',
    });
  }
  if (referenceTime === undefined) return undefined;
  const notAfter = Date.parse(certificate.validTo);
  if (notAfter <= referenceTime) {
    const message = `The root certificate expired on ${isoDate(notAfter)}: the publisher must rotate the root key.`;
    return new NotaryError('TUF_CERT_EXPIRED', message, { gun, role: 'root', expires: isoDate(notAfter) });
  }
  if (Date.parse(certificate.validFrom) > referenceTime + NOTARY_DEFAULTS.certNotBeforeLeewayMs) {
    return new NotaryError('TUF_CERT_NOT_YET_VALID', 'The root certificate is not valid yet.', { gun, role: 'root' });
  }
  return undefined;
}

/**
 * The root role's keys that may sign for this GUN (x509 leaves, CN = GUN, within their validity at
 * `referenceTime` unless it is undefined), and the first problem found with the others, which explains a
 * threshold that is not met.
 */
export function usableRootKeys(root: SignedFile<RootSigned>, gun: string, referenceTime: number | undefined) {
  const keys: Record<string, TufKey> = {};
  let problem: NotaryError | undefined;
  for (const id of root.signed.roles.root.keyids) {
    const key = root.signed.keys[id];
    if (key === undefined) continue;
    const found = rootKeyProblem(key, gun, referenceTime);
    if (found === undefined) keys[id] = key;
    else problem ??= found;
  }
  return { keys, problem };
}

/** The notAfter of every certificate key in a key table that a role uses. */
export function certificateEvidence(
  role: string,
  keyIds: string[],
  keys: Record<string, TufKey>,
): CertificateEvidence[] {
  return keyIds.flatMap((id) => {
    const key = keys[id];
    const parsed = key === undefined ? undefined : parsePublicKey(key);
    if (key === undefined || parsed?.certificate === undefined) return [];
    return [{ role, keyId: canonicalKeyId(key, parsed), notAfter: isoDate(Date.parse(parsed.certificate.validTo)) }];
  });
}
