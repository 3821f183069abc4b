import type { RegistryClient, RegistryClientDeps, RegistryRef, Resolution } from './client-types';
import { resolveClientOptions, type RegistryClientOptions } from './defaults';
import { webCryptoHash } from './digest';
import { parseManifest } from './manifest';
import { fetchManifestBytes } from './manifest-fetcher';
import { createMemoryCache } from './memory-cache';
import { apiHost } from './registry-host';
import { RegistrySession } from './registry-session';
import { withRetries } from './retry';

/**
 * The OCI distribution client: resolves tags to verified digests (index digest plus each platform's manifest)
 * and fetches verified manifest bytes. One session per registry host keeps its auth, base URL and concurrency.
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
  const manifestDeps = {
    cache: deps.cache ?? createMemoryCache(),
    hash: deps.hash ?? webCryptoHash,
    options: resolved,
  };
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

  async function fetchManifest(ref: RegistryRef, { signal }: { signal?: AbortSignal } = {}) {
    const tagKey = ref.digest === undefined ? `${apiHost(ref.domain)}/${ref.path}:${ref.tag ?? 'latest'}` : undefined;
    const now = deps.clock.now();
    const cachedDigest = tagKey === undefined ? undefined : await manifestDeps.cache.getTag(tagKey, now);
    const effective = cachedDigest === undefined ? ref : { ...ref, digest: cachedDigest };
    const fetched = await fetchManifestBytes(manifestDeps, sessionFor(ref.domain), effective, signal);
    if (tagKey !== undefined && cachedDigest === undefined) {
      await manifestDeps.cache.putTag(tagKey, fetched.digest, now + resolved.tagTtlMs);
    }
    return fetched;
  }

  async function resolve(ref: RegistryRef, options: { signal?: AbortSignal } = {}): Promise<Resolution> {
    const fetched = await fetchManifest(ref, options);
    const parsed = parseManifest(fetched.bytes, fetched.mediaType, ref.domain);
    return {
      reference: ref,
      digest: fetched.digest,
      mediaType: parsed.mediaType,
      size: fetched.bytes.length,
      platforms: parsed.platforms,
      ...(fetched.rateLimit === undefined ? {} : { rateLimit: fetched.rateLimit }),
    };
  }

  return { resolve, fetchManifest };
}
