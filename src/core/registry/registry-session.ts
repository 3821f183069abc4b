import { Authorizer } from './authorizer';
import type { CredentialSource } from './credential';
import { DEFAULTS, type RegistryClientOptions } from './defaults';
import type { Clock, Log, Transport, TransportRequest, TransportResponse } from './ports';
import { RegistryError } from './registry-error';
import { apiHost, plainHttpAllowed } from './registry-host';
import { Semaphore } from './semaphore';

/**
 * Only a handshake that found no TLS (or a dropped connection) suggests a plain HTTP server. An untrusted
 * certificate means the server does speak TLS: that is reported, never downgraded.
 */
function speaksPlainHttp(error: unknown): boolean {
  if (!(error instanceof RegistryError)) return false;
  return error.code === 'REGISTRY_NETWORK' || (error.code === 'REGISTRY_TLS' && error.details.tls === 'protocol');
}

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
}

/**
 * One registry: finds its base URL with a `/v2/` ping (HTTPS, then plain HTTP where that is allowed, as docker
 * does for insecure registries), learns its challenges, bounds concurrency and answers 401s once with new auth.
 */
export class RegistrySession {
  readonly host: string;
  private readonly authorizer: Authorizer;
  private readonly semaphore: Semaphore;
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
      ...this.request(options.method, url, options.maxBytes, options.signal),
      headers: authorization === undefined ? headers : { ...headers, authorization },
    });
  }

  private async checkForbidden(response: TransportResponse, signal?: AbortSignal): Promise<TransportResponse> {
    if (response.status === 403) throw await this.authorizer.refused(403, signal);
    return response;
  }

  private baseUrl(signal?: AbortSignal): Promise<URL> {
    this.base ??= this.ping(signal).catch((error: unknown) => {
      this.base = undefined;
      throw error;
    });
    return this.base;
  }

  private async ping(signal?: AbortSignal): Promise<URL> {
    const secure = new URL(`https://${this.host}/`);
    try {
      return await this.pingAt(secure, signal);
    } catch (error) {
      if (signal?.aborted || !plainHttpAllowed(this.host, this.options.insecureRegistries)) throw error;
      if (!speaksPlainHttp(error)) throw error;
      this.deps.log?.({ level: 'info', message: `HTTPS failed; trying plain HTTP`, registry: this.registry });
      return this.pingAt(new URL(`http://${this.host}/`), signal).catch(() => Promise.reject(error));
    }
  }

  private async pingAt(base: URL, signal?: AbortSignal): Promise<URL> {
    const response = await this.deps.transport({
      ...this.request('GET', new URL('/v2/', base), DEFAULTS.maxSmallResponseBytes, signal),
      headers: { 'user-agent': this.options.userAgent },
    });
    if (response.status === 401) this.authorizer.learn(response);
    // Over the plain HTTP fallback only a registry's answer counts: a TLS server answers HTTP with a 400.
    if (base.protocol === 'http:' && response.status !== 200 && response.status !== 401) {
      throw new RegistryError('REGISTRY_UNEXPECTED_STATUS', `${this.host} answered /v2/ with ${response.status}.`, {
        registry: this.registry,
        status: response.status,
      });
    }
    return base;
  }

  private request(method: 'GET' | 'HEAD', url: URL, maxBytes: number, signal?: AbortSignal): TransportRequest {
    return { method, url, headers: {}, maxBytes, ...(signal === undefined ? {} : { signal }) };
  }
}
