import type { ManifestDeps } from './client-types';
import { bareMediaType, MEDIA_TYPES } from './media-types';
import { displayUrl, RegistryError } from './registry-error';
import type { RegistrySession } from './registry-session';
import type { ReferrersAnswer } from './referrers-support';

/** An OCI 1.1 referrers index as the API served it (not content-addressed: the registry computes it). */
export interface FetchedReferrers {
  bytes: Uint8Array;
}

/**
 * GETs `/v2/<name>/referrers/<digest>` (OCI distribution 1.1). `undefined` when the registry has no referrers
 * API (any 4xx, or a 200 that is not an OCI index): the caller then reads the `sha256-<hex>` tag. A 404 or 405
 * is remembered for the session (`session.referrers`): later digests ask nothing. A 5xx after retries is an
 * error, never "no referrers", and is not remembered.
 */
export function fetchReferrersIndex(
  deps: ManifestDeps,
  session: RegistrySession,
  ref: { path: string; digest: string },
  signal?: AbortSignal,
): Promise<FetchedReferrers | undefined> {
  return session.referrers.ask(() => requestReferrers(deps, session, ref, signal), signal);
}

async function requestReferrers(
  deps: ManifestDeps,
  session: RegistrySession,
  ref: { path: string; digest: string },
  signal?: AbortSignal,
): Promise<ReferrersAnswer<FetchedReferrers>> {
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
  if (response.status === 200 && isIndex) return { value: { bytes: response.body }, absent: false };
  return { value: undefined, absent: !isIndex && (response.status === 404 || response.status === 405) };
}
