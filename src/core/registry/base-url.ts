import type { Authorizer } from './authorizer';
import { DEFAULTS } from './defaults';
import type { Log, Transport } from './ports';
import { RegistryError } from './registry-error';
import { plainHttpAllowed } from './registry-host';

export interface BaseUrlContext {
  transport: Transport;
  authorizer: Authorizer;
  /** API host[:port], e.g. registry-1.docker.io. */
  host: string;
  /** The reference's domain, for messages. */
  registry: string;
  insecureRegistries: readonly string[];
  userAgent: string;
  log?: Log;
}

/**
 * Finds a registry's base URL with the `/v2/` ping: HTTPS, then plain HTTP where that is allowed (loopback, or
 * marked insecure), as docker does for insecure registries. The ping's challenge is handed to the authorizer.
 */
export async function fetchBaseUrl(context: BaseUrlContext, signal?: AbortSignal): Promise<URL> {
  try {
    return await ping(context, new URL(`https://${context.host}/`), signal);
  } catch (error) {
    if (signal?.aborted || !plainHttpAllowed(context.host, context.insecureRegistries)) throw error;
    if (!speaksPlainHttp(error)) throw error;
    context.log?.({ level: 'info', message: 'HTTPS failed; trying plain HTTP', registry: context.registry });
    return ping(context, new URL(`http://${context.host}/`), signal).catch(() => Promise.reject(error));
  }
}

/**
 * Only a handshake that found no TLS (or a dropped connection) suggests a plain HTTP server. An untrusted
 * certificate means the server does speak TLS: that is reported, never downgraded.
 */
function speaksPlainHttp(error: unknown): boolean {
  if (!(error instanceof RegistryError)) return false;
  return error.code === 'REGISTRY_NETWORK' || (error.code === 'REGISTRY_TLS' && error.details.tls === 'protocol');
}

async function ping(context: BaseUrlContext, base: URL, signal?: AbortSignal): Promise<URL> {
  const response = await context.transport({
    method: 'GET',
    url: new URL('/v2/', base),
    headers: { 'user-agent': context.userAgent },
    maxBytes: DEFAULTS.maxSmallResponseBytes,
    ...(signal === undefined ? {} : { signal }),
  });
  if (response.status === 401) context.authorizer.learn(response);
  // Over the plain HTTP fallback only a registry's answer counts: a TLS server answers HTTP with a 400.
  if (base.protocol === 'http:' && response.status !== 200 && response.status !== 401) {
    const message = `${context.host} answered /v2/ with ${response.status}.`;
    throw new RegistryError('REGISTRY_UNEXPECTED_STATUS', message, {
      registry: context.registry,
      status: response.status,
    });
  }
  return base;
}
