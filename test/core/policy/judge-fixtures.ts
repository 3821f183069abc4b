import { scanDocument } from '../../../src/core/features/scan-document';
import { parseIgnoreComments, parsePolicyText, type RefResolution } from '../../../src/core/policy';
import type { Resolution } from '../../../src/core/registry/client-types';
import type { ImageRef } from '../../../src/core/scan/image-ref';
import type { DctResult } from '../../../src/core/trust/notary';
import type { CosignEvidence } from '../../../src/core/trust/sigstore';

export const DIGEST_A = `sha256:${'a'.repeat(64)}`;
export const DIGEST_B = `sha256:${'b'.repeat(64)}`;
export const NOW = Date.parse('2026-12-02T12:00:00Z');

export function dockerfile(text: string): { refs: ImageRef[]; ignores: ReturnType<typeof parseIgnoreComments> } {
  return { refs: scanDocument(text, 'dockerfile', '/w/Dockerfile').refs, ignores: parseIgnoreComments(text) };
}

export function resolvedTo(ref: ImageRef, digest: string): RefResolution {
  const reference = ref.reference ?? { domain: 'x', path: 'y' };
  const resolution: Resolution = {
    reference,
    digest,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    size: 1,
    platforms: [],
  };
  return { kind: 'resolved', resolution };
}

export function dct(fields: Partial<DctResult>): DctResult {
  const base = { gun: 'registry.example/app', signed: false, signers: [], expires: {}, certificates: [] };
  return { ...base, warnings: [], failures: [], codes: [], ...fields };
}

export const DCT_SIGNED = dct({ signed: true, signers: ['targets'] });
export const DCT_UNSIGNED = dct({
  failures: [{ code: 'DCT_NOT_SIGNED', message: 'not signed' }],
  codes: ['DCT_NOT_SIGNED'],
});

export function cosign(fields: Partial<CosignEvidence>): CosignEvidence {
  return { signed: false, verified: false, signatures: [], failures: [], warnings: [], codes: [], ...fields };
}

export const COSIGN_VERIFIED = cosign({
  signed: true,
  verified: true,
  signatures: [{ keyId: 'k1', level: 'manifest', digest: DIGEST_A }],
});
export const COSIGN_UNSIGNED = cosign({
  failures: [{ code: 'COSIGN_NOT_SIGNED', digest: DIGEST_A, message: 'no .sig' }],
  codes: ['COSIGN_NOT_SIGNED'],
});

export const policy = (text: string) => parsePolicyText(text, '.image-trust.yaml');
