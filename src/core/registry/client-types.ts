import type { CredentialSource } from './credential';
import type { RegistryClientOptions } from './defaults';
import type { PlatformManifest } from './manifest';
import type { Clock, HashFunction, Log, RegistryCache, Transport } from './ports';
import type { RateLimit } from './rate-limit';

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
  resolve(ref: RegistryRef, options?: { signal?: AbortSignal }): Promise<Resolution>;
  fetchManifest(ref: RegistryRef, options?: { signal?: AbortSignal }): Promise<FetchedManifest>;
}
