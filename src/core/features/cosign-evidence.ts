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
 * cosign evidence for a resolved digest. A failure while reading or checking the signatures is evidence too (the
 * digest could not be checked, with the registry's code or COSIGN_VERIFY_FAILED), never "unsigned" and never
 * silence; only cancellation is thrown.
 */
export async function verifyCosignEvidence(resolution: Resolution, deps: CosignEvidenceDeps): Promise<CosignEvidence> {
  try {
    return await verifyResolutionCosign(resolution, { ...deps, keys: deps.trust.keys });
  } catch (error) {
    if (deps.signal.aborted) throw error;
    const code = error instanceof CoreError ? error.code : 'COSIGN_VERIFY_FAILED';
    const why = error instanceof Error ? error.message : String(error);
    const failure = {
      code,
      digest: resolution.digest,
      message: `cosign signatures of ${resolution.digest} could not be checked: ${why}`,
    };
    return { signed: false, verified: false, signatures: [], failures: [failure], warnings: [], codes: [code] };
  }
}
