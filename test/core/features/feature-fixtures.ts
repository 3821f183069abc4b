import { CoreError } from '../../../src/core/errors';
import { fetchPinTargets, type PinTargetOf } from '../../../src/core/features/pin-targets';
import type { ResolutionLookup, ResolutionState } from '../../../src/core/features/resolution-state';
import type { RegistryClient, Resolution } from '../../../src/core/registry/client-types';
import type { ImageRef } from '../../../src/core/scan/image-ref';
import type { CosignEvidence } from '../../../src/core/trust/sigstore';
import { scanDocument } from '../../../src/core/features/scan-document';

export const DIGEST_A = `sha256:${'a'.repeat(64)}`;
export const DIGEST_B = `sha256:${'b'.repeat(64)}`;
export const ARM_DIGEST = `sha256:${'c'.repeat(64)}`;

export function dockerfileRefs(text: string) {
  return scanDocument(text, 'dockerfile', '/w/Dockerfile').refs;
}

export function resolution(digest: string, platforms: Resolution['platforms'] = []): Resolution {
  return {
    reference: { domain: 'docker.io', path: 'library/alpine', tag: '3.19' },
    digest,
    mediaType:
      platforms.length > 0 ? 'application/vnd.oci.image.index.v1+json' : 'application/vnd.oci.image.manifest.v1+json',
    size: 100,
    platforms,
  };
}

export function resolved(digest: string): ResolutionState {
  return { kind: 'resolved', resolution: resolution(digest), at: 0 };
}

/** A lookup from a plain table of resolution keys. */
export function lookupOf(table: Record<string, ResolutionState>) {
  return (key: string): ResolutionState | undefined => table[key];
}

/**
 * A registry client for planning that must be decided from the index alone: every method fails the test's plan
 * with TEST_NO_NETWORK, whatever methods the client interface has.
 */
export const NO_NETWORK = new Proxy(
  {},
  { get: () => () => Promise.reject(new CoreError('TEST_NO_NETWORK', 'no request was expected')) },
) as RegistryClient;

/** The pin targets of these references from a lookup, chosen by the core as `image-trust pin` chooses them. */
export function targetsFor(refs: readonly ImageRef[], lookup: ResolutionLookup): Promise<PinTargetOf> {
  return fetchPinTargets(refs, lookup, NO_NETWORK, new AbortController().signal);
}

/** cosign evidence: verified and signed by default, with what a test changes. */
export function cosignEvidence(overrides: Partial<CosignEvidence> = {}): CosignEvidence {
  return { signed: true, verified: true, signatures: [], failures: [], warnings: [], codes: [], ...overrides };
}

/** cosign evidence of an image with no signature at all. */
export function unsignedEvidence(digest: string): CosignEvidence {
  const failures = [{ code: 'COSIGN_NOT_SIGNED', digest, message: `${digest} has no cosign signature.` }];
  return cosignEvidence({ signed: false, verified: false, failures, codes: ['COSIGN_NOT_SIGNED'] });
}
