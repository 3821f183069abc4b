import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { applyResponseFault, needsUpstream, takeFault, type Fault, type FaultRule } from './faults';

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

const MAX_UPSTREAM_BYTES = 64 * 1024 * 1024;

function answerWithoutUpstream(fault: Fault, res: ServerResponse): void {
  if (fault.kind === 'status') {
    const headers = fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter };
    res.writeHead(fault.status, { 'content-type': 'application/json', ...headers }).end(fault.body ?? '{}');
  } else if (fault.kind === 'redirect') {
    res.writeHead(fault.status ?? 307, { location: fault.location }).end();
  }
  // A 'stall' at 'headers' sends nothing; the socket closes when the client gives up or the proxy stops.
}

interface Upstream {
  base: URL;
  ca?: Buffer;
  scheme: 'http' | 'https';
}

/**
 * Forwards `req` unchanged but for `x-forwarded-proto`: the Host header stays, so the Location URLs the registry
 * builds point back at the proxy.
 */
function forward(upstream: Upstream, req: IncomingMessage): Promise<IncomingMessage> {
  const target = new URL(req.url ?? '/', upstream.base);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers = { ...req.headers, 'x-forwarded-proto': upstream.scheme };
  return new Promise((resolve, reject) => {
    const out = request(target, { method: req.method, headers, ca: upstream.ca }, resolve);
    out.on('error', reject);
    req.pipe(out);
  });
}

async function readCapped(res: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    size += (chunk as Buffer).length;
    if (size > MAX_UPSTREAM_BYTES) throw new Error('upstream answer too large for the fault proxy');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The registry's headers with framing that fits the body we send (HEAD keeps the registry's Content-Length). */
function framingHeaders(headers: IncomingHttpHeaders, body: Buffer | undefined, chunked: boolean): IncomingHttpHeaders {
  const { 'transfer-encoding': _te, connection: _connection, ...rest } = headers;
  if (body === undefined) return rest;
  const { 'content-length': _length, ...unframed } = rest;
  return chunked ? unframed : { ...unframed, 'content-length': String(body.length) };
}

async function answerFromUpstream(
  upstream: Upstream,
  fault: Fault | undefined,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const answer = await forward(upstream, req);
  const received = await readCapped(answer);
  if (fault?.kind === 'stall') {
    res.writeHead(answer.statusCode ?? 502, answer.headers).write(received.subarray(0, received.length >> 1));
    return;
  }
  const { headers, body, chunked } = applyResponseFault(fault, answer.headers, received);
  res.writeHead(answer.statusCode ?? 502, framingHeaders(headers, req.method === 'HEAD' ? undefined : body, chunked));
  res.end(body);
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
