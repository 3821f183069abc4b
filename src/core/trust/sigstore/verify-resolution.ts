import type { RegistryClient, Resolution } from '../../registry/client-types';
import { manifestKind } from '../../registry/media-types';
import { registrySignatureSource } from './registry-source';
import { verifyCosign, type CosignDeps, type CosignEvidence } from './verify-cosign';

function platformName(p: { os: string; architecture: string; variant?: string }): string {
  return [p.os, p.architecture, ...(p.variant ? [p.variant] : [])].join('/');
}

/** What verifying a resolution needs: the registry client, and the trust to verify with (see CosignDeps). */
export type ResolutionCosignDeps = Omit<CosignDeps, 'source'> & { client: RegistryClient };

/** Verifies cosign signatures for the digest (and platform manifests) the registry served for a reference. */
export function verifyResolutionCosign(resolution: Resolution, deps: ResolutionCosignDeps): Promise<CosignEvidence> {
  const { domain, path } = resolution.reference;
  const subject = {
    repository: `${domain}/${path}`,
    digest: resolution.digest,
    isIndex: manifestKind(resolution.mediaType) === 'index',
    platforms: resolution.platforms.map((p) => ({ digest: p.digest, platform: platformName(p) })),
  };
  return verifyCosign(subject, { ...deps, source: registrySignatureSource(deps.client, { domain, path }) });
}
