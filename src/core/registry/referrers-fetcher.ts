import type { ManifestDeps } from './client-types';
import { bareMediaType, MEDIA_TYPES } from './media-types';
import { displayUrl, RegistryError } from './registry-error';
import type { RegistrySession } from './registry-session';

/** An OCI 1.1 referrers index as the API served it (not content-addressed: the registry computes it). */
export interface FetchedReferrers {
  bytes: Uint8Array;
}

/**
 * GETs `/v2/<name>/referrers/<digest>` (OCI distribution 1.1). `undefined` when the registry has no referrers
 * API (any 4xx, or a 200 that is not an OCI index, as registry 2.8's 404 page): the caller then reads the
 * `sha256-<hex>` tag. A 5xx after retries is an error, never "no referrers".
 */
export async function fetchReferrersIndex(
  deps: ManifestDeps,
  session: RegistrySession,
  ref: { path: string; digest: string },
  signal?: AbortSignal,
): Promise<FetchedReferrers | undefined> {
  const response = await session.send({
    method: 'GET',
    path: `/v2/${ref.path}/referrers/${ref.digest}`,
    headers: { accept: MEDIA_TYPES.ociIndex },
    maxBytes: deps.options.maxManifestBytes,
    scope: `repository:${ref.path}:pull`,
    ...(signal === undefined ? {} : { signal }),
  });
  if (response.status >= 500) {
    const message = `${session.registry} is failing (HTTP ${response.status}) on its referrers API after retries: try again later.`;
    const details = { registry: session.registry, url: displayUrl(response.url), status: response.status };
    throw new RegistryError('REGISTRY_UNAVAILABLE', message, details);
  }
  const isIndex = bareMediaType(response.headers['content-type']?.[0]) === MEDIA_TYPES.ociIndex;
  return response.status === 200 && isIndex ? { bytes: response.body } : undefined;
}
