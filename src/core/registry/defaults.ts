/** Every limit, timeout and window of the registry client lives here, nowhere else (DESIGN.md "Layout"). */
export const DEFAULTS = {
  /** Manifests are capped before parsing (containerd and distribution use 4 MiB). */
  maxManifestBytes: 4 * 1024 * 1024,
  maxTokenResponseBytes: 1024 * 1024,
  /** Blobs read into memory are image configs (a few KiB); layers are never fetched. */
  maxBlobBytes: 1024 * 1024,
  /** A layer stream whose connection drops is resumed with a Range request this many times, then fails. */
  blobStreamResumes: 3,
  /** Error bodies and pings are only read for their error code. */
  maxSmallResponseBytes: 64 * 1024,
  /** Tokens without `expires_in` live 60 s (docs/spec/auth/token.md), and never less. */
  tokenMinLifetimeMs: 60_000,
  /** Renew a little before the registry would refuse the token. */
  tokenRenewBeforeMs: 5_000,
  tagTtlMs: 5 * 60_000,
  retries: 3,
  retryBaseDelayMs: 250,
  retryMaxDelayMs: 8_000,
  /** A Retry-After longer than this is not waited for: the caller gets RATE_LIMITED at once. */
  retryAfterMaxMs: 60_000,
  concurrencyPerRegistry: 4,
  helperTimeoutMs: 15_000,
  maxHelperOutputBytes: 64 * 1024,
  connectTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxRedirects: 5,
  maxSocketsPerHost: 6,
} as const;

export interface RegistryClientOptions {
  maxManifestBytes: number;
  maxTokenResponseBytes: number;
  maxBlobBytes: number;
  blobStreamResumes: number;
  tagTtlMs: number;
  retries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  retryAfterMaxMs: number;
  concurrencyPerRegistry: number;
  /** host[:port] names the user marked insecure: plain HTTP is allowed there (loopback always is). */
  insecureRegistries: readonly string[];
  userAgent: string;
}

export function resolveClientOptions(options: Partial<RegistryClientOptions> = {}): RegistryClientOptions {
  return {
    maxManifestBytes: options.maxManifestBytes ?? DEFAULTS.maxManifestBytes,
    maxTokenResponseBytes: options.maxTokenResponseBytes ?? DEFAULTS.maxTokenResponseBytes,
    maxBlobBytes: options.maxBlobBytes ?? DEFAULTS.maxBlobBytes,
    blobStreamResumes: options.blobStreamResumes ?? DEFAULTS.blobStreamResumes,
    tagTtlMs: options.tagTtlMs ?? DEFAULTS.tagTtlMs,
    retries: options.retries ?? DEFAULTS.retries,
    retryBaseDelayMs: options.retryBaseDelayMs ?? DEFAULTS.retryBaseDelayMs,
    retryMaxDelayMs: options.retryMaxDelayMs ?? DEFAULTS.retryMaxDelayMs,
    retryAfterMaxMs: options.retryAfterMaxMs ?? DEFAULTS.retryAfterMaxMs,
    concurrencyPerRegistry: options.concurrencyPerRegistry ?? DEFAULTS.concurrencyPerRegistry,
    insecureRegistries: options.insecureRegistries ?? [],
    userAgent: options.userAgent ?? 'image-trust',
  };
}
