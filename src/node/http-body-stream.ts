import type http from 'node:http';
import { displayUrl, RegistryError } from '../core/registry/registry-error';

export interface BodyStreamLimits {
  url: URL;
  maxBytes: number;
  /** The longest wait for the next chunk. */
  idleTimeoutMs: number;
  signal: AbortSignal | undefined;
  /** Turns a socket error into the transport's coded error. */
  toError(error: unknown): unknown;
}

/**
 * A 2xx body as it arrives, never gathered. The idle timer runs only while the network is awaited, not while the
 * consumer holds a chunk (a slow disk is not a stalled registry), and it starts now: a stream nobody reads is
 * closed after one idle period. The cap stops the read at the first chunk beyond it.
 */
export function streamBody(response: http.IncomingMessage, limits: BodyStreamLimits): AsyncIterable<Uint8Array> {
  const { url, signal } = limits;
  let failure: Error | undefined;
  const stop = (error: Error) => {
    failure ??= error;
    response.destroy(error);
    return error;
  };
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    timer = setTimeout(() => stop(idleTimeout(url)), limits.idleTimeoutMs);
  };
  arm();
  async function* read(): AsyncGenerator<Uint8Array> {
    let size = 0;
    try {
      for await (const chunk of response as AsyncIterable<Buffer>) {
        clearTimeout(timer);
        size += chunk.length;
        if (size > limits.maxBytes) throw stop(tooLarge(url, limits.maxBytes));
        yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
        arm();
      }
    } catch (error) {
      throw failure ?? (signal?.aborted ? signal.reason : limits.toError(error));
    } finally {
      clearTimeout(timer);
    }
  }
  return read();
}

function idleTimeout(url: URL): RegistryError {
  const details = { registry: url.host, url: displayUrl(url) };
  return new RegistryError('REGISTRY_TIMEOUT', `${url.host} stopped sending ${displayUrl(url)} part way.`, details);
}

export function tooLarge(url: URL, maxBytes: number): RegistryError {
  const message = `${url.host} sent more than ${maxBytes} bytes for ${displayUrl(url)}; refused.`;
  return new RegistryError('REGISTRY_RESPONSE_TOO_LARGE', message, { registry: url.host, url: displayUrl(url) });
}
