import type { Resolution } from '../../../src/core/registry/client-types';
import type { ResolutionState } from '../../../src/core/features/resolution-state';
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
    mediaType: 'application/vnd.oci.image.index.v1+json',
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
