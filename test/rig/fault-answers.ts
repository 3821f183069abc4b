import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { applyResponseFault, type Fault } from './faults';

const MAX_UPSTREAM_BYTES = 64 * 1024 * 1024;

/** Answers a fault that never reaches the registry: a status, a redirect, or silence. */
export function answerWithoutUpstream(fault: Fault, res: ServerResponse): void {
  if (fault.kind === 'status') {
    const headers = fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter };
    res.writeHead(fault.status, { 'content-type': 'application/json', ...headers }).end(fault.body ?? '{}');
  } else if (fault.kind === 'redirect') {
    res.writeHead(fault.status ?? 307, { location: fault.location }).end();
  }
  // A 'stall' at 'headers' sends nothing; the socket closes when the client gives up or the proxy stops.
}

export interface Upstream {
  base: URL;
  ca?: Buffer;
  scheme: 'http' | 'https';
}

/**
 * Forwards `req` unchanged but for `x-forwarded-proto` (and Range under `ignore-range`): the Host header stays, so
 * the Location URLs the registry builds point back at the proxy.
 */
function forward(upstream: Upstream, req: IncomingMessage, fault: Fault | undefined): Promise<IncomingMessage> {
  const target = new URL(req.url ?? '/', upstream.base);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers: IncomingHttpHeaders = { ...req.headers, 'x-forwarded-proto': upstream.scheme };
  if (fault?.kind === 'ignore-range') delete headers.range;
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

export async function answerFromUpstream(
  upstream: Upstream,
  fault: Fault | undefined,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const answer = await forward(upstream, req, fault);
  const received = await readCapped(answer);
  if (fault?.kind === 'stall' || fault?.kind === 'cut') {
    // The registry's Content-Length stays, so the client sees a body that stops short: it hangs, or is cut there.
    const sent = fault.kind === 'cut' ? fault.afterBytes : received.length >> 1;
    const cut = () => fault.kind === 'cut' && res.destroy();
    res.writeHead(answer.statusCode ?? 502, answer.headers).write(received.subarray(0, sent), cut);
    return;
  }
  const { headers, body, chunked } = applyResponseFault(fault, answer.headers, received);
  res.writeHead(answer.statusCode ?? 502, framingHeaders(headers, req.method === 'HEAD' ? undefined : body, chunked));
  res.end(body);
}
