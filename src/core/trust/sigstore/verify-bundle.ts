import { createHash } from 'node:crypto';
import type { Bundle } from '@sigstore/bundle';
import { toSignedEntity, type Signer } from '@sigstore/verify';
import { verifyCodeSigningUsage } from './certificate-usage';
import { CosignError } from './cosign-error';
import { describeIdentityPolicy, matchIdentity } from './identity-policy';
import { verifyRekorSigner } from './rekor-body';
import { toCosignError } from './verification-error';
import type { SigstoreTrust } from './sigstore-trust';

/** Who a verified bundle was signed by: a key given (by its ID) or a Fulcio certificate for an identity. */
export interface BundleSigner {
  /** hex(sha256(SPKI DER)) of the signing key (for keyless, the certificate's key). */
  keyId: string;
  /** Keyless: the certificate's SAN and OIDC issuer. */
  identity?: string;
  issuer?: string;
  /** How many Rekor entries verified (SET or inclusion proof) and name this signer. */
  tlogEntries: number;
}

const keyIdOf = (signer: Signer) =>
  createHash('sha256')
    .update(signer.key.export({ format: 'der', type: 'spki' }))
    .digest('hex');

function verifyKeyless(bundle: Bundle, entity: ReturnType<typeof toSignedEntity>, trust: SigstoreTrust, what: string) {
  if (entity.tlogEntries.length === 0) {
    const message = `The keyless signature on ${what} has no Rekor entry: its certificate's short validity cannot be checked offline.`;
    throw new CosignError('COSIGN_TLOG_MISSING', message);
  }
  let signer: Signer;
  try {
    signer = trust.keylessVerifier.verify(entity);
  } catch (error) {
    throw toCosignError(error, what);
  }
  const material = bundle.verificationMaterial.content;
  const leaf =
    material.$case === 'x509CertificateChain'
      ? material.x509CertificateChain.certificates[0]?.rawBytes
      : material.$case === 'certificate'
        ? material.certificate.rawBytes
        : undefined;
  if (leaf !== undefined) verifyCodeSigningUsage(leaf, what);
  verifyRekorSigner(bundle.verificationMaterial.tlogEntries, {
    key: signer.key,
    ...(leaf ? { certificate: leaf } : {}),
  });
  const identity = {
    subject: signer.identity?.subjectAlternativeName ?? '',
    issuer: signer.identity?.extensions?.issuer ?? '',
  };
  const result = { keyId: keyIdOf(signer), identity: identity.subject, issuer: identity.issuer };
  if (matchIdentity(identity, trust.identities) === undefined) {
    const wanted = trust.identities.map(describeIdentityPolicy).join(' or ') || 'none given';
    const message = `The keyless signature on ${what} is by '${identity.subject}' from issuer '${identity.issuer}', not an identity the policy trusts (${wanted}).`;
    throw new CosignError('COSIGN_IDENTITY_MISMATCH', message);
  }
  return result;
}

function verifyWithKeys(bundle: Bundle, entity: ReturnType<typeof toSignedEntity>, trust: SigstoreTrust, what: string) {
  for (const { key, verifier } of trust.keyVerifiers) {
    try {
      const signer = verifier.verify(entity);
      verifyRekorSigner(bundle.verificationMaterial.tlogEntries, { key: signer.key });
      return { keyId: key.keyId };
    } catch (error) {
      // Only the signature depends on the key tried; a log or bundle failure is the same for every key.
      if ((error as { code?: unknown }).code !== 'SIGNATURE_ERROR') {
        throw error instanceof CosignError ? error : toCosignError(error, what);
      }
    }
  }
  const message = `The cosign signature on ${what} is not by any of the keys given (or what it signs was altered).`;
  throw new CosignError('COSIGN_UNTRUSTED_KEY', message);
}

/**
 * Verifies a Sigstore bundle offline with @sigstore/verify, then what it leaves to us: the Rekor body names the
 * signer, and a certificate's identity satisfies the policy. `artifact`: the signed bytes of a message signature.
 * `what` names the subject in messages. Throws a CosignError.
 */
export function verifyBundle(
  bundle: Bundle,
  artifact: Uint8Array | undefined,
  trust: SigstoreTrust,
  what: string,
): BundleSigner {
  let entity;
  try {
    entity = toSignedEntity(bundle, artifact === undefined ? undefined : Buffer.from(artifact));
  } catch (error) {
    throw toCosignError(error, what);
  }
  const tlogEntries = bundle.verificationMaterial.tlogEntries.length;
  const signer =
    entity.key.$case === 'certificate'
      ? verifyKeyless(bundle, entity, trust, what)
      : verifyWithKeys(bundle, entity, trust, what);
  return { ...signer, tlogEntries };
}
