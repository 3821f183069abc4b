export { NOTARY_DEFAULTS, type NotaryOptions } from './defaults';
export type { ExpiryWarning } from './evidence';
export { NotaryError, type NotaryErrorCode, type NotaryErrorDetails } from './notary-error';
export { createNotarySource, type NotarySourceDeps, type NotarySourceTarget } from './notary-source';
export {
  chooseNotaryServer,
  DOCKER_HUB_RETIREMENT,
  type DctRetirement,
  type NotaryServerChoice,
  type NotaryServerSettings,
} from './notary-server';
export {
  createMemoryTrustStore,
  type MetadataRequest,
  type MetadataSource,
  type TrustRecord,
  type TrustStore,
} from './ports';
export type { CertificateEvidence } from './root-certificates';
export type { RootPin } from './root-chain';
export type { FoundTarget } from './target-lookup';
export type { TrustedRepo } from './update-trust';
export { verifyDct, type DctDeps, type DctEvidence, type DctFailure, type DctSubject } from './verify-dct';
export { gunOf, verifyResolutionDct, type DctResult, type ResolutionDctDeps } from './verify-resolution';
