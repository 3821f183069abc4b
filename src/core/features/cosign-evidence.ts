import { CoreError } from '../errors';
import type { RegistryClient, Resolution } from '../registry/client-types';
import { verifyResolutionCosign, type CosignEvidence, type SigstoreTrust } from '../trust/sigstore';

export interface CosignEvidenceDeps {
  client: RegistryClient;
  /** The keys, identities and trusted root that apply to this image (cosignTrustPlan). */
  trust: SigstoreTrust;
  signal: AbortSignal;
}

/**
 * cosign evidence for a resolved digest. A registry failure while reading the signatures is evidence too (the
 * digest could not be checked, with the registry's code), never "unsigned"; only cancellation is thrown.
 */
export async function verifyCosignEvidence(resolution: Resolution, deps: CosignEvidenceDeps): Promise<CosignEvidence> {
  try {
    return await verifyResolutionCosign(resolution, { ...deps, keys: deps.trust.keys });
  } catch (error) {
    if (deps.signal.aborted || !(error instanceof CoreError)) throw error;
    const failure = {
      code: error.code,
      digest: resolution.digest,
      message: `cosign signatures of ${resolution.digest} could not be read: ${error.message}`,
    };
    return { signed: false, verified: false, signatures: [], failures: [failure], warnings: [], codes: [error.code] };
  }
}
