import { Authorizer } from './authorizer';
import { fetchBaseUrl } from './base-url';
import type { CredentialSource } from './credential';
import type { RegistryClientOptions } from './defaults';
import type { Clock, Log, Transport, TransportResponse } from './ports';
import { ReferrersSupport } from './referrers-support';
import { apiHost } from './registry-host';
import { Semaphore } from './semaphore';

export interface SessionDeps {
  transport: Transport;
  clock: Clock;
  credentials: CredentialSource;
  log?: Log;
}

export interface SendOptions {
  method: 'GET' | 'HEAD';
  path: string;
  headers: Record<string, string>;
  maxBytes: number;
  scope: string;
  signal?: AbortSignal;
  /** A 2xx body as a stream (Transport `stream`); the concurrency slot is freed once the headers are in. */
  stream?: true;
}

/**
 * One registry: its base URL (found once), its authorizer, a bound on concurrent requests, one more try with
 * fresh authorization when a request meets a 401, and whether it has the referrers API (learnt once).
 */
export class RegistrySession {
  readonly host: string;
  private readonly authorizer: Authorizer;
  private readonly semaphore: Semaphore;
  readonly referrers = new ReferrersSupport();
  private base: Promise<URL> | undefined;

  constructor(
    private readonly deps: SessionDeps,
    private readonly options: RegistryClientOptions,
    readonly registry: string,
  ) {
    this.host = apiHost(registry);
    this.authorizer = new Authorizer(deps, registry, options.maxTokenResponseBytes);
    this.semaphore = new Semaphore(options.concurrencyPerRegistry);
  }

  send(options: SendOptions): Promise<TransportResponse> {
    return this.semaphore.run(() => this.sendAuthorized(options));
  }

  private async sendAuthorized(options: SendOptions): Promise<TransportResponse> {
    const url = new URL(options.path, await this.baseUrl(options.signal));
    const first = await this.attempt(url, options, false);
    if (first.status !== 401) return this.checkForbidden(first, options.signal);
    if (!this.authorizer.learn(first)) throw await this.authorizer.refused(401, options.signal);
    const second = await this.attempt(url, options, true);
    if (second.status === 401) throw await this.authorizer.refused(401, options.signal);
    return this.checkForbidden(second, options.signal);
  }

  private async attempt(url: URL, options: SendOptions, fresh: boolean): Promise<TransportResponse> {
    const authorization = await this.authorizer.header(url, options.scope, options.signal, fresh);
    const headers = { 'user-agent': this.options.userAgent, ...options.headers };
    return this.deps.transport({
      method: options.method,
      url,
      headers: authorization === undefined ? headers : { ...headers, authorization },
      maxBytes: options.maxBytes,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.stream ? { stream: true as const } : {}),
    });
  }

  private async checkForbidden(response: TransportResponse, signal?: AbortSignal): Promise<TransportResponse> {
    if (response.status === 403) throw await this.authorizer.refused(403, signal);
    return response;
  }

  // Found once; a failed discovery is tried again by the next request.
  private baseUrl(signal?: AbortSignal): Promise<URL> {
    const context = {
      transport: this.deps.transport,
      authorizer: this.authorizer,
      host: this.host,
      registry: this.registry,
      insecureRegistries: this.options.insecureRegistries,
      userAgent: this.options.userAgent,
      ...(this.deps.log === undefined ? {} : { log: this.deps.log }),
    };
    this.base ??= fetchBaseUrl(context, signal).catch((error: unknown) => {
      this.base = undefined;
      throw error;
    });
    return this.base;
  }
}
