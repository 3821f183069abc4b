import { computeDigest, parseDigest } from './digest';
import type { ManifestDeps, RegistryRef, FetchedManifest } from './client-types';
import { checkManifestStatus } from './manifest-status';
import { headManifest, sendManifestRequest, type ManifestHead } from './manifest-head';
import { bareMediaType } from './media-types';
import type { TransportResponse } from './ports';
import { parseRateLimit } from './rate-limit';
import { RegistryError } from './registry-error';
import type { RegistrySession } from './registry-session';

/**
 * GET the bytes by digest unless the cache holds them, and verify them: the computed digest must equal the
 * reference's digest and every Docker-Content-Digest the registry sent. For a tag, the HEAD (done here unless
 * `head` is its answer already) names the digest to GET; without one the tag itself is fetched.
 */
export async function fetchManifestBytes(
  deps: ManifestDeps,
  session: RegistrySession,
  ref: RegistryRef,
  signal?: AbortSignal,
  head?: ManifestHead,
): Promise<FetchedManifest> {
  const pinned = ref.digest === undefined ? undefined : await fromCache(deps, ref.digest);
  if (pinned !== undefined) return pinned;
  const maxBytes = deps.options.maxManifestBytes;
  const claims: DigestClaim[] = [];
  if (ref.digest !== undefined) claims.push({ source: 'the reference', digest: ref.digest });
  const named = ref.digest ?? ref.tag ?? 'latest';
  let target = named;
  if (ref.digest === undefined) {
    const answer = head ?? (await headManifest(session, ref, maxBytes, signal));
    if (answer.digest !== undefined) {
      claims.push({ source: 'the HEAD Docker-Content-Digest', digest: answer.digest });
      const cached = await fromCache(deps, answer.digest);
      if (cached !== undefined) return { ...cached, ...(answer.rateLimit ? { rateLimit: answer.rateLimit } : {}) };
      if (parseDigest(answer.digest) !== undefined) target = answer.digest;
    }
  }
  let response = await sendManifestRequest(session, ref, 'GET', target, maxBytes, signal);
  // A digest announced by HEAD that the registry cannot serve is a false claim: fetch the tag, and let the
  // verification below report the mismatch rather than a misleading "not found".
  if (response.status === 404 && target !== named) {
    response = await sendManifestRequest(session, ref, 'GET', named, maxBytes, signal);
  }
  await checkManifestStatus(session, ref.path, response, signal);
  return acceptManifest(deps, session, response, claims);
}

/** A manifest request's claims about the bytes: the reference's digest, a HEAD's or GET's Docker-Content-Digest. */
export type DigestClaim = { source: string; digest: string };

/**
 * Verifies the bytes of a 200 manifest response against every claim (and the GET's Docker-Content-Digest), and
 * caches them by their digest.
 */
export async function acceptManifest(
  deps: ManifestDeps,
  session: RegistrySession,
  response: TransportResponse,
  claims: readonly DigestClaim[],
): Promise<FetchedManifest> {
  const bodyDigest = response.headers['docker-content-digest']?.[0];
  const all =
    bodyDigest === undefined ? claims : [...claims, { source: 'the GET Docker-Content-Digest', digest: bodyDigest }];
  const digest = await verifyClaims(deps, session, response.body, all);
  const mediaType = bareMediaType(response.headers['content-type']?.[0]) ?? '';
  await deps.cache.putContent(digest, { bytes: response.body, mediaType });
  return { digest, mediaType, bytes: response.body, rateLimit: parseRateLimit(response.headers) };
}

// Cached bytes are re-hashed: a cache on disk is not trusted more than the network.
export async function fromCache(deps: ManifestDeps, digest: string) {
  const parsed = parseDigest(digest);
  const cached = parsed === undefined ? undefined : await deps.cache.getContent(digest);
  if (parsed === undefined || cached === undefined) return undefined;
  if ((await computeDigest(deps.hash, parsed.algorithm, cached.bytes)) !== digest) return undefined;
  return { digest, mediaType: cached.mediaType, bytes: cached.bytes };
}

// The bytes are hashed once per algorithm claimed (a claim is usually the same sha256 two or three times).
async function verifyClaims(
  deps: ManifestDeps,
  session: RegistrySession,
  bytes: Uint8Array,
  claims: readonly DigestClaim[],
): Promise<string> {
  const digests = new Map<string, Promise<string>>();
  const digestOf = (algorithm: string) => {
    let digest = digests.get(algorithm);
    if (digest === undefined) {
      digest = computeDigest(deps.hash, algorithm, bytes);
      digests.set(algorithm, digest);
    }
    return digest;
  };
  const algorithm = claims.map((c) => parseDigest(c.digest)?.algorithm).find((a) => a !== undefined) ?? 'sha256';
  const digest = await digestOf(algorithm);
  for (const claim of claims) {
    const parsed = parseDigest(claim.digest);
    const actual = parsed === undefined ? digest : await digestOf(parsed.algorithm);
    if (parsed === undefined || actual !== claim.digest) {
      const message = `${session.registry} sent manifest bytes whose digest ${actual} differs from ${claim.source} (${claim.digest}): do not use this content.`;
      const details = { registry: session.registry, expected: claim.digest, actual };
      throw new RegistryError('REGISTRY_DIGEST_MISMATCH', message, details);
    }
  }
  return digest;
}
