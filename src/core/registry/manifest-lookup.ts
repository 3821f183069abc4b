import type { FetchedManifest, ManifestDeps, RegistryRef } from './client-types';
import { acceptManifest, fromCache, type DigestClaim } from './manifest-fetcher';
import { sendManifestRequest } from './manifest-head';
import { checkManifestStatus } from './manifest-status';
import type { RegistrySession } from './registry-session';

/**
 * A manifest that may not exist (a `.sig` tag, a referrers tag): one GET of the tag or digest, since the bytes
 * are read whenever it is there (a HEAD first would cost a second request). A 404 is the answer "absent", with
 * no probe to tell a missing tag from a missing repository (the caller needs neither); any other failure is
 * reported as `fetchManifest` reports it, and the bytes are verified and cached the same way.
 */
export async function lookupManifestBytes(
  deps: ManifestDeps,
  session: RegistrySession,
  ref: RegistryRef,
  signal?: AbortSignal,
): Promise<FetchedManifest | undefined> {
  const pinned = ref.digest === undefined ? undefined : await fromCache(deps, ref.digest);
  if (pinned !== undefined) return pinned;
  const named = ref.digest ?? ref.tag ?? 'latest';
  const response = await sendManifestRequest(session, ref, 'GET', named, deps.options.maxManifestBytes, signal);
  if (response.status === 404) return undefined;
  await checkManifestStatus(session, ref.path, response, signal);
  const claims: DigestClaim[] = ref.digest === undefined ? [] : [{ source: 'the reference', digest: ref.digest }];
  return acceptManifest(deps, session, response, claims);
}
