/** The one HTTP entry point (DESIGN.md "Seams"); src/node/http-transport.ts is the real one. */
export interface TransportRequest {
  method: 'GET' | 'HEAD' | 'POST';
  url: URL;
  /** Lower-case names. */
  headers: Record<string, string>;
  body?: Uint8Array;
  signal?: AbortSignal;
  /** The response body is refused (REGISTRY_RESPONSE_TOO_LARGE) beyond this many bytes. */
  maxBytes: number;
  /**
   * A 2xx body arrives as `stream` instead of `body` (a layer never sits in memory); other statuses are read
   * whole, capped, as always, so auth challenges and retries see them. The wait for each chunk is timed, not
   * the whole body.
   */
  stream?: true;
}

export interface TransportResponse {
  status: number;
  /** Lower-case names; every value a header was sent with, in order (WWW-Authenticate may repeat). */
  headers: Record<string, string[]>;
  body: Uint8Array;
  /**
   * Only for a `stream` request with a 2xx status (`body` is then empty): read it once, to the end or until a
   * `break`; it throws a RegistryError (size cap, idle timeout, network) or the signal's reason.
   */
  stream?: AsyncIterable<Uint8Array>;
  /** The URL that answered, after redirects. */
  url: URL;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** Time is injected so expiry and back-off are testable; an operation reads `now()` once where it can. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program directly (never through a shell); rejects with `code: 'ENOENT'` when it is not found. */
export type Exec = (
  file: string,
  args: string[],
  options: { env?: Record<string, string>; signal?: AbortSignal; stdin?: string },
) => Promise<ExecResult>;

/** Reads a small text file; `undefined` when nothing is there (absence is a value). */
export type TextFileReader = (path: string) => Promise<string | undefined>;

/** `algorithm` is one of sha256, sha384, sha512; returns lower-case hex. */
export type HashFunction = (algorithm: string, bytes: Uint8Array) => Promise<string>;

/** Incremental hashing (WebCrypto has none): src/node gives node:crypto's. Returns lower-case hex. */
export interface StreamingHash {
  update(bytes: Uint8Array): void;
  digest(): string;
}

/** `algorithm` is sha256, sha384 or sha512, as an OCI digest names it. */
export type CreateHash = (algorithm: string) => StreamingHash;

export interface LogEvent {
  level: 'debug' | 'info' | 'warn';
  message: string;
  registry?: string;
}

export type Log = (event: LogEvent) => void;

/** Verified bytes and the media type they were served with (a manifest need not name its own type). */
export interface CachedContent {
  bytes: Uint8Array;
  mediaType: string;
}

/** What a tag pointed at: enough to answer a resolution without asking the registry again. */
export interface TagEntry {
  digest: string;
  mediaType: string;
  size: number;
}

/** Content by digest never expires; tag entries carry their own expiry time (ms since the epoch). */
export interface RegistryCache {
  getContent(digest: string): Promise<CachedContent | undefined>;
  putContent(digest: string, content: CachedContent): Promise<void>;
  getTag(key: string, now: number): Promise<TagEntry | undefined>;
  putTag(key: string, entry: TagEntry, expiresAt: number): Promise<void>;
}
