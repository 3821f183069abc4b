/** Every limit, window and timeout of the IPFS paths lives here, nowhere else (DESIGN.md "Layout"). */
export const IPFS_DEFAULTS = {
  /** Manifests and indexes are read into memory, capped as the registry client caps them. */
  maxDocumentBytes: 4 * 1024 * 1024,
  /** An image CID names one small JSON descriptor. */
  maxRootBytes: 64 * 1024,
  /** Bitswap, boxo and Kubo refuse blocks above 2 MiB; so do we. */
  maxBlockBytes: 2 * 1024 * 1024,
  /** Raw blocks asked of a gateway ahead of the one being read. */
  gatewayPrefetch: 16,
  /** Blobs fetched at once. */
  blobConcurrency: 3,
  /** A raw-CID guess (no descriptor URL says the blob is on IPFS) is given this long, then the next source. */
  guessTimeoutMs: 5_000,
  /** A source that sends nothing for this long is given up on. */
  stallTimeoutMs: 30_000,
  /** A blob temp file named without its writer's pid (older versions) is taken for abandoned after this long. */
  partialWithoutPidMaxAgeMs: 60 * 60 * 1000,
} as const;
