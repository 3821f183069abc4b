import type { BlobRef, FetchedBlob } from './blob-fetcher';
import type { BlobStreamOptions, BlobStreamRef } from './blob-stream';
import type { CredentialSource } from './credential';
import type { RegistryClientOptions } from './defaults';
import type { PlatformManifest } from './manifest';
import type { Clock, HashFunction, Log, RegistryCache, Transport } from './ports';
import type { RateLimit } from './rate-limit';
import type { FetchedReferrers } from './referrers-fetcher';

/** A normalized reference as `scan`/`reference` produce it: `docker.io`, `library/alpine`. */
export interface RegistryRef {
  domain: string;
  path: string;
  tag?: string;
  digest?: string;
}

export interface Resolution {
  reference: RegistryRef;
  /** The digest to pin: an index's own digest for a multi-platform image. */
  digest: string;
  mediaType: string;
  size: number;
  platforms: PlatformManifest[];
  rateLimit?: RateLimit;
  /**
   * Set when `digest` is the registry's Docker-Content-Digest for a single-platform manifest whose bytes were
   * not fetched (`trustDigestHeader`); absent when the digest was computed from the bytes.
   */
  headerOnly?: true;
}

export interface ResolveOptions {
  signal?: AbortSignal;
  /**
   * Take a single-platform manifest's digest from the HEAD's Docker-Content-Digest without GETting the bytes:
   * one request instead of two, and no pull counted by Docker Hub. An index is always fetched (its platforms
   * are in the bytes) and verified. Never for a digest that will be written into a file.
   */
  trustDigestHeader?: boolean;
}

export interface FetchedManifest {
  digest: string;
  mediaType: string;
  /** Verified against `digest`. */
  bytes: Uint8Array;
  rateLimit?: RateLimit;
}

export interface RegistryClientDeps {
  transport: Transport;
  clock: Clock;
  credentials: CredentialSource;
  cache?: RegistryCache;
  /** Defaults to WebCrypto. */
  hash?: HashFunction;
  log?: Log;
}

export interface ManifestDeps {
  cache: RegistryCache;
  hash: HashFunction;
  options: RegistryClientOptions;
}

export interface RegistryClient {
  resolve(ref: RegistryRef, options?: ResolveOptions): Promise<Resolution>;
  /**
   * A manifest by tag or digest, verified. `ifPresent`: a manifest that may be absent (a signature tag): one GET,
   * and `undefined` when the registry has none (no tag-or-repository probe); otherwise a 404 is REGISTRY_NOT_FOUND
   * saying whether the tag or the repository is missing.
   */
  fetchManifest(
    ref: RegistryRef,
    options: { signal?: AbortSignal; ifPresent: true },
  ): Promise<FetchedManifest | undefined>;
  fetchManifest(ref: RegistryRef, options?: { signal?: AbortSignal }): Promise<FetchedManifest>;
  /** A small blob (an image config) by digest, verified and capped at `maxBlobBytes`. */
  fetchBlob(ref: BlobRef, options?: { signal?: AbortSignal }): Promise<FetchedBlob>;
  /** A blob of any size (a layer) as it arrives, verified inside and never cached (blob-stream.ts). */
  fetchBlobStream(ref: BlobStreamRef, options: BlobStreamOptions): AsyncIterable<Uint8Array>;
  /** The OCI 1.1 referrers index of a digest; `undefined` when the registry has no referrers API. */
  fetchReferrers(
    ref: RegistryRef & { digest: string },
    options?: { signal?: AbortSignal },
  ): Promise<FetchedReferrers | undefined>;
}
