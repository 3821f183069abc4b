import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { answerFromUpstream, answerWithoutUpstream, type Upstream } from './fault-answers';
import { needsUpstream, takeFault, type Fault, type FaultRule } from './faults';

export type { Fault, FaultRule };

export interface FaultProxyOptions {
  /** The real server behind the proxy, e.g. a rig registry's `url`. */
  upstream: string;
  /** CA to trust when `upstream` is https. */
  caFile?: string;
  /** Serve HTTPS with this certificate (the rig's server cert covers 127.0.0.1); plain HTTP when absent. */
  tls?: { certFile: string; keyFile: string };
}

/** A request as the proxy saw it, for tests that check what a client sent (e.g. no Authorization after a redirect). */
export interface ProxiedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  fault?: Fault['kind'];
}

export interface FaultProxy {
  /** `http(s)://127.0.0.1:PORT` */
  url: string;
  host: string;
  requests: ProxiedRequest[];
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  stop(): Promise<void>;
}

async function loadUpstream(options: FaultProxyOptions): Promise<Upstream> {
  const ca = options.caFile === undefined ? undefined : await readFile(options.caFile);
  return { base: new URL(options.upstream), ca, scheme: options.tls === undefined ? 'http' : 'https' };
}

async function createProxyServer(
  options: FaultProxyOptions,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Server> {
  if (options.tls === undefined) return createHttpServer(handler);
  const [cert, key] = await Promise.all([readFile(options.tls.certFile), readFile(options.tls.keyFile)]);
  return createHttpsServer({ cert, key }, handler);
}

/**
 * Starts a proxy on 127.0.0.1 (OS-picked port) in front of a real server. Without a matching rule it forwards
 * faithfully; `addFault` makes it lie, throttle, fail, stall or redirect (DESIGN.md: faults in front of a real
 * server, not instead of it).
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = await loadUpstream(options);
  const rules: FaultRule[] = [];
  const requests: ProxiedRequest[] = [];
  const server = await createProxyServer(options, (req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const fault = takeFault(rules, method, path);
    requests.push({ method, path, headers: req.headers, ...(fault === undefined ? {} : { fault: fault.kind }) });
    if (fault !== undefined && !needsUpstream(fault)) return answerWithoutUpstream(fault, res);
    answerFromUpstream(upstream, fault, req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${upstream.scheme}://${host}`,
    host,
    requests,
    addFault: (rule) => void rules.push({ ...rule }),
    clearFaults: () => void rules.splice(0),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
