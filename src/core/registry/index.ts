export type { BlobRef, FetchedBlob } from './blob-fetcher';
export { createRegistryClient } from './client';
export type { FetchedManifest, RegistryClient, RegistryClientDeps, RegistryRef, Resolution } from './client-types';
export type { Credential, CredentialSource } from './credential';
export {
  createCredentialSource,
  type CredentialFile,
  type CredentialLookupDeps,
  type CredentialLookupOptions,
} from './credential-lookup';
export { DEFAULTS, type RegistryClientOptions } from './defaults';
export type { PlatformManifest } from './manifest';
export { MANIFEST_ACCEPT, MEDIA_TYPES } from './media-types';
export { createMemoryCache } from './memory-cache';
export type {
  CachedContent,
  Clock,
  Exec,
  ExecResult,
  HashFunction,
  Log,
  LogEvent,
  RegistryCache,
  TextFileReader,
  Transport,
  TransportRequest,
  TransportResponse,
} from './ports';
export type { RateLimit } from './rate-limit';
export { RegistryError, type RegistryErrorCode, type RegistryErrorDetails } from './registry-error';
export { withRetries, type RetryPolicy } from './retry';
