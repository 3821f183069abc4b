import type { RegistryRef } from './client-types';
import { checkManifestStatus } from './manifest-status';
import { bareMediaType, MANIFEST_ACCEPT } from './media-types';
import type { TransportResponse } from './ports';
import { parseRateLimit, type RateLimit } from './rate-limit';
import type { RegistrySession } from './registry-session';

/** What a HEAD of a tag says; every field is the registry's claim, unverified. */
export interface ManifestHead {
  /** The Docker-Content-Digest as sent, even malformed (the bytes will say it lied); absent unless a 200. */
  digest?: string;
  mediaType?: string;
  size?: number;
  rateLimit?: RateLimit;
}

/** A manifest request by tag or digest, with every manifest type accepted (see MANIFEST_ACCEPT). */
export function sendManifestRequest(
  session: RegistrySession,
  ref: RegistryRef,
  method: 'GET' | 'HEAD',
  reference: string,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<TransportResponse> {
  return session.send({
    method,
    path: `/v2/${ref.path}/manifests/${reference}`,
    headers: { accept: MANIFEST_ACCEPT },
    maxBytes,
    scope: `repository:${ref.path}:pull`,
    ...(signal === undefined ? {} : { signal }),
  });
}

/**
 * HEADs a tag. A 404 HEAD has no body to tell a missing tag from a missing repository, so it is left to the
 * GET that follows; a registry still failing once retries are spent is reported at once.
 */
export async function headManifest(
  session: RegistrySession,
  ref: RegistryRef,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<ManifestHead> {
  const response = await sendManifestRequest(session, ref, 'HEAD', ref.tag ?? 'latest', maxBytes, signal);
  if (response.status >= 500) await checkManifestStatus(session, ref.path, response, signal);
  const rateLimit = parseRateLimit(response.headers);
  const withRateLimit = rateLimit === undefined ? {} : { rateLimit };
  if (response.status !== 200) return withRateLimit;
  const digest = response.headers['docker-content-digest']?.[0];
  const mediaType = bareMediaType(response.headers['content-type']?.[0]);
  const size = Number(response.headers['content-length']?.[0] ?? Number.NaN);
  return {
    ...withRateLimit,
    ...(digest === undefined ? {} : { digest }),
    ...(mediaType === undefined ? {} : { mediaType }),
    ...(Number.isSafeInteger(size) && size >= 0 ? { size } : {}),
  };
}
