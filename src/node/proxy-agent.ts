import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';

type Callback = (err: Error | null, stream?: Duplex) => void;
type AgentCallback = (err: Error | null, stream: Duplex) => void;

/**
 * Agents whose connections are CONNECT tunnels through an HTTP(S) proxy. TLS runs end to end inside the tunnel,
 * so the proxy sees neither the Authorization header nor the bytes, and the agent's pool keeps tunnels alive.
 */
export function createTunnelAgent(proxy: URL, targetTls: boolean, options: https.AgentOptions): http.Agent {
  if (targetTls) {
    return new (class extends https.Agent {
      override createConnection(opts: https.RequestOptions, callback?: AgentCallback) {
        openTunnel(proxy, opts, true, adapt(callback));
        return undefined;
      }
    })(options);
  }
  return new (class extends http.Agent {
    override createConnection(opts: http.ClientRequestArgs, callback?: AgentCallback) {
      openTunnel(proxy, opts, false, adapt(callback));
      return undefined;
    }
  })(options);
}

function openTunnel(proxy: URL, options: https.RequestOptions, targetTls: boolean, callback: Callback): void {
  const host = options.host ?? options.hostname ?? '';
  const target = `${host.includes(':') ? `[${host}]` : host}:${options.port ?? (targetTls ? 443 : 80)}`;
  const request = (proxy.protocol === 'https:' ? https : http).request({
    host: proxy.hostname,
    port: proxy.port,
    method: 'CONNECT',
    path: target,
    headers: { host: target, ...proxyAuthorization(proxy) },
    agent: false,
  });
  request.once('connect', (response, socket) => {
    if (response.statusCode !== 200) {
      socket.destroy();
      return callback(Object.assign(new Error(`proxy refused CONNECT (${response.statusCode})`), { code: 'EPROXY' }));
    }
    if (!targetTls) return callback(null, socket);
    const servername = options.servername ?? (isIP(host) === 0 ? host : undefined);
    callback(null, tls.connect({ ...(options as tls.ConnectionOptions), socket, servername }));
  });
  request.once('error', (error) => callback(error));
  request.end();
}

function proxyAuthorization(proxy: URL): Record<string, string> {
  if (proxy.username === '') return {};
  const user = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(user).toString('base64')}` };
}

// Node's agent reads the stream only when there is no error, so an error may come without one.
function adapt(callback: AgentCallback | undefined): Callback {
  return (err, stream) => callback?.(err, stream as Duplex);
}

/** The proxy for a URL from HTTPS_PROXY/HTTP_PROXY, unless NO_PROXY matches or the host is loopback. */
export function proxyFor(url: URL, env: NodeJS.ProcessEnv): URL | undefined {
  const raw = url.protocol === 'https:' ? (env.HTTPS_PROXY ?? env.https_proxy) : (env.HTTP_PROXY ?? env.http_proxy);
  if (raw === undefined || raw === '') return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1' || host.startsWith('127.')) return undefined;
  const noProxy = (env.NO_PROXY ?? env.no_proxy ?? '').split(',').map((s) => s.trim().toLowerCase());
  if (noProxy.some((entry) => entry !== '' && noProxyMatches(entry, host, url.port))) return undefined;
  return new URL(raw.includes('://') ? raw : `http://${raw}`);
}

// Go's httpproxy rules: `*` matches all, `.example.com` and `example.com` match the domain and its subdomains.
function noProxyMatches(entry: string, host: string, port: string): boolean {
  if (entry === '*') return true;
  const [name = '', entryPort] = entry.split(/:(?=\d+$)/);
  if (entryPort !== undefined && entryPort !== port) return false;
  const domain = name.replace(/^\*?\./, '');
  return host === domain || host.endsWith(`.${domain}`);
}
