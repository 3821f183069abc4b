import type { RegistryClient, Resolution } from '../../registry/client-types';
import { manifestKind } from '../../registry/media-types';
import type { CosignOptions } from './defaults';
import type { CosignKey } from './public-keys';
import { registrySignatureSource } from './registry-source';
import { verifyCosign, type CosignEvidence } from './verify-cosign';

function platformName(p: { os: string; architecture: string; variant?: string }): string {
  return [p.os, p.architecture, ...(p.variant ? [p.variant] : [])].join('/');
}

/** Verifies cosign signatures for the digest (and platform manifests) the registry served for a reference. */
export function verifyResolutionCosign(
  resolution: Resolution,
  deps: { client: RegistryClient; keys: readonly CosignKey[]; options?: Partial<CosignOptions>; signal?: AbortSignal },
): Promise<CosignEvidence> {
  const { domain, path } = resolution.reference;
  const subject = {
    repository: `${domain}/${path}`,
    digest: resolution.digest,
    isIndex: manifestKind(resolution.mediaType) === 'index',
    platforms: resolution.platforms.map((p) => ({ digest: p.digest, platform: platformName(p) })),
  };
  return verifyCosign(subject, { ...deps, source: registrySignatureSource(deps.client, { domain, path }) });
}
