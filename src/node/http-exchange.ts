import http from 'node:http';
import https from 'node:https';
import { DEFAULTS } from '../core/registry/defaults';
import type { TransportRequest, TransportResponse } from '../core/registry/ports';
import { displayUrl, RegistryError } from '../core/registry/registry-error';
import { streamBody, tooLarge } from './http-body-stream';

const SMALL_BYTES = DEFAULTS.maxSmallResponseBytes;

export interface ExchangeLimits {
  connectTimeoutMs: number;
  requestTimeoutMs: number;
}

/**
 * One request and its whole response, no redirects: a connect timeout, an overall timeout (a stalled body
 * included) and the size cap, enforced while reading so an oversized body is never buffered. A `stream` request
 * gets a 2xx body as a stream (http-body-stream.ts), with `requestTimeoutMs` then timing each chunk.
 */
export function exchange(
  request: TransportRequest,
  agent: http.Agent,
  limits: ExchangeLimits,
): Promise<TransportResponse> {
  const { url, signal } = request;
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      clearTimeout(overall);
      reject(signal?.aborted ? signal.reason : toRegistryError(error, url));
    };
    const headers = request.body
      ? { ...request.headers, 'content-length': String(request.body.length) }
      : request.headers;
    const client = (url.protocol === 'https:' ? https : http).request(url, {
      method: request.method,
      headers,
      agent,
      signal,
    });
    const overall = setTimeout(() => client.destroy(timeout(url, 'answer')), limits.requestTimeoutMs);
    client.once('socket', (socket) => {
      if (!socket.connecting) return;
      const connect = setTimeout(() => client.destroy(timeout(url, 'accept a connection')), limits.connectTimeoutMs);
      socket.once('connect', () => clearTimeout(connect));
      socket.once('close', () => clearTimeout(connect));
    });
    // `on`, not `once`: a second error after a destroy must not become an uncaught exception.
    client.on('error', fail);
    client.once('response', (response) => {
      response.on('error', fail);
      const status = response.statusCode ?? 0;
      const streamed = request.stream === true && status >= 200 && status < 300;
      // A streamed request's other answers (a challenge, an error) are read whole: they get the small cap.
      const maxBytes = request.stream && !streamed ? Math.min(request.maxBytes, SMALL_BYTES) : request.maxBytes;
      // A HEAD's Content-Length describes the GET's body, not this one.
      const declared = request.method === 'HEAD' ? 0 : Number(response.headers['content-length'] ?? 0);
      if (declared > maxBytes) return client.destroy(tooLarge(url, maxBytes));
      const answer = (body: Uint8Array, stream?: AsyncIterable<Uint8Array>) => {
        clearTimeout(overall);
        resolve({ status, headers: distinctHeaders(response), body, url, ...(stream ? { stream } : {}) });
      };
      if (streamed) {
        const toError = (error: unknown) => toRegistryError(error, url);
        const idleTimeoutMs = limits.requestTimeoutMs;
        return answer(new Uint8Array(0), streamBody(response, { url, maxBytes, idleTimeoutMs, toError, signal }));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) client.destroy(tooLarge(url, maxBytes));
        else chunks.push(chunk);
      });
      response.once('end', () => answer(new Uint8Array(Buffer.concat(chunks))));
    });
    client.end(request.body);
  });
}

function distinctHeaders(response: http.IncomingMessage): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(response.headersDistinct).flatMap(([name, values]) => (values ? [[name, values]] : [])),
  );
}

// A certificate the client does not trust, versus a peer that does not speak TLS at all (plain HTTP).
const CERTIFICATE_CODES = /^(CERT_|ERR_TLS_CERT|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/;
const PROTOCOL_CODES = /^(ERR_SSL_|ERR_TLS_|EPROTO$)/;

function toRegistryError(error: unknown, url: URL): RegistryError {
  if (error instanceof RegistryError) return error;
  const code = String((error as { code?: unknown }).code ?? 'unknown');
  const details = { registry: url.host, url: displayUrl(url) };
  if (CERTIFICATE_CODES.test(code)) {
    const message = `${url.host}'s certificate is not trusted (${code}): add its CA as certs.d/${url.host}/ca.crt.`;
    return new RegistryError('REGISTRY_TLS', message, { ...details, tls: 'certificate' }, error);
  }
  if (PROTOCOL_CODES.test(code)) {
    const message = `TLS with ${url.host} failed (${code}): is it a plain HTTP registry? Then mark it insecure.`;
    return new RegistryError('REGISTRY_TLS', message, { ...details, tls: 'protocol' }, error);
  }
  return new RegistryError('REGISTRY_NETWORK', `Could not reach ${url.host} (${code}).`, details, error);
}

function timeout(url: URL, what: string): RegistryError {
  const details = { registry: url.host, url: displayUrl(url) };
  return new RegistryError('REGISTRY_TIMEOUT', `${url.host} did not ${what} in time.`, details);
}
