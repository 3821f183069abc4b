export type { AttestationEvidence, AttestationKind, AttestationSigner } from './attestations';
export { CosignError, type CosignErrorCode } from './cosign-error';
export { COSIGN_DEFAULTS, type CosignOptions } from './defaults';
export {
  checkIdentityPolicy,
  describeIdentityPolicy,
  matchIdentity,
  type CertificateIdentity,
  type IdentityMatcher,
  type IdentityPolicy,
} from './identity-policy';
export type { ReferrersAnswer, SignatureSource } from './ports';
export { parseCosignKey, type CosignKey } from './public-keys';
export { registrySignatureSource } from './registry-source';
export { signatureTag } from './signature-manifest';
export { createSigstoreTrust, type SigstoreTrust, type SigstoreTrustOptions } from './sigstore-trust';
export { parseTrustedRoot, publicGoodTrustedRoot } from './trusted-root';
export {
  verifyCosign,
  type CosignDeps,
  type CosignEvidence,
  type CosignFinding,
  type CosignLevel,
  type CosignSignature,
  type CosignSubject,
  type SignedLevels,
} from './verify-cosign';
export type { SignatureLevel } from './verify-level';
export { verifyResolutionCosign, type ResolutionCosignDeps } from './verify-resolution';
