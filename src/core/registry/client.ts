import { fetchBlobBytes, type BlobRef } from './blob-fetcher';
import { fetchBlobStream, type BlobStreamOptions, type BlobStreamRef } from './blob-stream';
import type { FetchedManifest, RegistryClient, RegistryClientDeps, RegistryRef, ResolveOptions } from './client-types';
import type { TagEntry } from './ports';
import { resolveClientOptions, type RegistryClientOptions } from './defaults';
import { webCryptoHash } from './digest';
import { fetchManifestBytes } from './manifest-fetcher';
import { headManifest, type ManifestHead } from './manifest-head';
import { lookupManifestBytes } from './manifest-lookup';
import { createMemoryCache } from './memory-cache';
import { fetchReferrersIndex } from './referrers-fetcher';
import { apiHost } from './registry-host';
import { RegistrySession } from './registry-session';
import { headerOnlyEntry, headerResolution, verifiedResolution } from './resolution';
import { withRetries } from './retry';

type FetchOptions = { signal?: AbortSignal };

/**
 * The OCI distribution client: resolves tags to verified digests (index digest plus each platform's manifest)
 * and fetches verified manifest bytes and small blobs (image configs). One session per registry host keeps its auth, base URL and concurrency.
 */
export function createRegistryClient(
  deps: RegistryClientDeps,
  options: Partial<RegistryClientOptions> = {},
): RegistryClient {
  const resolved = resolveClientOptions(options);
  const transport = withRetries(
    deps.transport,
    deps.clock,
    {
      retries: resolved.retries,
      baseDelayMs: resolved.retryBaseDelayMs,
      maxDelayMs: resolved.retryMaxDelayMs,
      retryAfterMaxMs: resolved.retryAfterMaxMs,
    },
    deps.log,
  );
  const cache = deps.cache ?? createMemoryCache();
  const manifestDeps = { cache, hash: deps.hash ?? webCryptoHash, options: resolved };
  const sessions = new Map<string, RegistrySession>();
  const sessionFor = (domain: string) => {
    const host = apiHost(domain);
    let session = sessions.get(host);
    if (session === undefined) {
      session = new RegistrySession({ ...deps, transport }, resolved, domain);
      sessions.set(host, session);
    }
    return session;
  };
  const tagKey = (ref: RegistryRef) => `${apiHost(ref.domain)}/${ref.path}:${ref.tag ?? 'latest'}`;
  const remember = (ref: RegistryRef, entry: TagEntry, now: number) =>
    cache.putTag(tagKey(ref), entry, now + resolved.tagTtlMs);
  // The tag entry, and whether the bytes it names are cached too (a HEAD-only resolution caches none).
  const cachedTag = async (ref: RegistryRef, now: number) => {
    const entry = await cache.getTag(tagKey(ref), now);
    return entry === undefined ? undefined : { entry, held: (await cache.getContent(entry.digest)) !== undefined };
  };

  // `head`: the tag's HEAD when the caller has done it already.
  async function fetchVerified(ref: RegistryRef, signal?: AbortSignal, head?: ManifestHead) {
    const session = sessionFor(ref.domain);
    if (ref.digest !== undefined) return fetchManifestBytes(manifestDeps, session, ref, signal);
    const now = deps.clock.now();
    const cached = head === undefined ? await cachedTag(ref, now) : undefined;
    if (cached?.held) return fetchManifestBytes(manifestDeps, session, { ...ref, digest: cached.entry.digest }, signal);
    const fetched = await fetchManifestBytes(manifestDeps, session, ref, signal, head);
    await remember(ref, { digest: fetched.digest, mediaType: fetched.mediaType, size: fetched.bytes.length }, now);
    return fetched;
  }

  // A tag answered by a HEAD alone is cached too: a warm cache asks nothing.
  async function resolve(ref: RegistryRef, { signal, trustDigestHeader = false }: ResolveOptions = {}) {
    if (!trustDigestHeader || ref.digest !== undefined)
      return verifiedResolution(ref, await fetchVerified(ref, signal));
    const now = deps.clock.now();
    const cached = await cachedTag(ref, now);
    if (cached?.held) return verifiedResolution(ref, await fetchVerified(ref, signal));
    if (cached !== undefined && headerOnlyEntry(cached.entry) !== undefined) return headerResolution(ref, cached.entry);
    const session = sessionFor(ref.domain);
    const head = await headManifest(session, ref, resolved.maxManifestBytes, signal);
    const entry = headerOnlyEntry(head);
    if (entry === undefined) return verifiedResolution(ref, await fetchVerified(ref, signal, head));
    await remember(ref, entry, now);
    return headerResolution(ref, entry, head);
  }

  // A tag that may be absent: one GET (its bytes are read when it is there); a hit is cached like any tag.
  async function lookupVerified(ref: RegistryRef, signal?: AbortSignal) {
    const now = deps.clock.now();
    const cached = ref.digest === undefined ? await cachedTag(ref, now) : undefined;
    if (cached?.held) return fetchVerified({ ...ref, digest: cached.entry.digest }, signal);
    const fetched = await lookupManifestBytes(manifestDeps, sessionFor(ref.domain), ref, signal);
    if (fetched !== undefined && ref.digest === undefined)
      await remember(ref, { digest: fetched.digest, mediaType: fetched.mediaType, size: fetched.bytes.length }, now);
    return fetched;
  }

  function fetchManifest(
    ref: RegistryRef,
    options: FetchOptions & { ifPresent: true },
  ): Promise<FetchedManifest | undefined>;
  function fetchManifest(ref: RegistryRef, options?: FetchOptions): Promise<FetchedManifest>;
  function fetchManifest(ref: RegistryRef, { signal, ifPresent }: FetchOptions & { ifPresent?: true } = {}) {
    return ifPresent ? lookupVerified(ref, signal) : fetchVerified(ref, signal);
  }
  const fetchBlob = (ref: BlobRef, { signal }: { signal?: AbortSignal } = {}) =>
    fetchBlobBytes(manifestDeps, sessionFor(ref.domain), ref, signal);
  const fetchBlobStreamed = (ref: BlobStreamRef, { signal, createHash }: BlobStreamOptions) =>
    fetchBlobStream(sessionFor(ref.domain), ref, { createHash, signal, maxResumes: resolved.blobStreamResumes });
  const fetchReferrers = (ref: RegistryRef & { digest: string }, { signal }: { signal?: AbortSignal } = {}) =>
    fetchReferrersIndex(manifestDeps, sessionFor(ref.domain), ref, signal);
  return { resolve, fetchManifest, fetchBlob, fetchBlobStream: fetchBlobStreamed, fetchReferrers };
}
