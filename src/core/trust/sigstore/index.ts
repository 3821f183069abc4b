export { CosignError, type CosignErrorCode } from './cosign-error';
export { COSIGN_DEFAULTS, type CosignOptions } from './defaults';
export type { SignatureSource } from './ports';
export { parseCosignKey, type CosignKey } from './public-keys';
export { registrySignatureSource } from './registry-source';
export { signatureTag } from './signature-manifest';
export {
  verifyCosign,
  type CosignDeps,
  type CosignEvidence,
  type CosignFinding,
  type CosignSignature,
  type CosignSubject,
} from './verify-cosign';
export type { SignatureLevel } from './verify-level';
export { verifyResolutionCosign } from './verify-resolution';
