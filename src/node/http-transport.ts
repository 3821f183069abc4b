import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { DEFAULTS } from '../core/registry/defaults';
import type { Transport, TransportRequest, TransportResponse } from '../core/registry/ports';
import { displayUrl, RegistryError } from '../core/registry/registry-error';
import { plainHttpAllowed } from '../core/registry/registry-host';
import { exchange, type ExchangeLimits } from './http-exchange';
import { createTunnelAgent, proxyFor } from './proxy-agent';
import { loadHostTls, type TlsConfigOptions } from './tls-config';

export interface HttpTransportOptions extends ExchangeLimits, TlsConfigOptions {
  maxRedirects: number;
  maxSocketsPerHost: number;
  /** host[:port]: plain HTTP allowed and TLS not verified, like docker's insecure-registries. */
  insecureRegistries: readonly string[];
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read. */
  env: NodeJS.ProcessEnv;
}

export const TRANSPORT_DEFAULTS: HttpTransportOptions = {
  connectTimeoutMs: DEFAULTS.connectTimeoutMs,
  requestTimeoutMs: DEFAULTS.requestTimeoutMs,
  maxRedirects: DEFAULTS.maxRedirects,
  maxSocketsPerHost: DEFAULTS.maxSocketsPerHost,
  insecureRegistries: [],
  certsDirs: ['/etc/docker/certs.d'],
  caFiles: [],
  env: {},
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * The Node transport on node:http/https Agents, not global fetch: undici's fetch cannot take a CA per request,
 * while an Agent per origin gives per-host CAs and client certs, keep-alive pooling and CONNECT proxies.
 */
export function createHttpTransport(options: Partial<HttpTransportOptions> = {}): {
  transport: Transport;
  close(): void;
} {
  const settings = { ...TRANSPORT_DEFAULTS, ...options };
  const agents = new Map<string, Promise<http.Agent>>();
  const agentFor = (url: URL) => {
    let agent = agents.get(url.origin);
    if (agent === undefined) {
      agent = createAgent(url, settings);
      agents.set(url.origin, agent);
      agent.catch(() => agents.delete(url.origin));
    }
    return agent;
  };

  const send = async (request: TransportRequest, redirectsLeft: number): Promise<TransportResponse> => {
    checkScheme(request.url, settings.insecureRegistries);
    const response = await exchange(request, await agentFor(request.url), settings);
    const location = response.headers.location?.[0];
    if (!REDIRECTS.has(response.status) || location === undefined) return response;
    if (redirectsLeft === 0) {
      const message = `${request.url.host} redirected more than ${settings.maxRedirects} times.`;
      throw new RegistryError('REGISTRY_TOO_MANY_REDIRECTS', message, { url: displayUrl(request.url) });
    }
    return send(redirected(request, new URL(location, request.url), response.status), redirectsLeft - 1);
  };

  return {
    transport: (request) => send(request, settings.maxRedirects),
    close: () => {
      for (const agent of agents.values())
        void agent.then(
          (a) => a.destroy(),
          () => undefined,
        );
      agents.clear();
    },
  };
}

// Credentials never follow a redirect to another origin (scheme, host or port).
function redirected(request: TransportRequest, next: URL, status: number): TransportRequest {
  const headers = { ...request.headers };
  if (next.origin !== request.url.origin) delete headers.authorization;
  if (status === 303 || (request.method === 'POST' && status !== 307 && status !== 308)) {
    delete headers['content-type'];
    const { body: _body, ...rest } = request;
    return { ...rest, method: 'GET', url: next, headers };
  }
  return { ...request, url: next, headers };
}

function checkScheme(url: URL, insecureRegistries: readonly string[]): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && plainHttpAllowed(url.host, insecureRegistries)) return;
  const message = `Refusing plain ${url.protocol} to ${url.host}: only loopback and registries marked insecure may use it.`;
  throw new RegistryError('REGISTRY_INSECURE_REFUSED', message, { registry: url.host, url: displayUrl(url) });
}

async function createAgent(url: URL, settings: HttpTransportOptions): Promise<http.Agent> {
  const base = { keepAlive: true, maxSockets: settings.maxSocketsPerHost };
  const proxy = proxyFor(url, settings.env);
  if (url.protocol === 'http:') return proxy ? createTunnelAgent(proxy, false, base) : new http.Agent(base);
  const insecure = settings.insecureRegistries.some((r) => r.toLowerCase() === url.host.toLowerCase());
  // One secure context per host: CAs given as agent options are parsed for every connection and joined into the
  // agent's pool key on every request (~150 system roots), which cost more than the requests themselves.
  const hostTls = await loadHostTls(url.host, settings);
  const context =
    hostTls.ca === undefined && hostTls.cert === undefined ? {} : { secureContext: tls.createSecureContext(hostTls) };
  const tlsOptions = { ...base, ...context, rejectUnauthorized: !insecure };
  return proxy ? createTunnelAgent(proxy, true, tlsOptions) : new https.Agent(tlsOptions);
}
