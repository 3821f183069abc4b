import { ReadableStream } from 'node:stream/web';
import { BaseFetcher } from 'tuf-js';
import { DownloadHTTPError } from 'tuf-js/dist/error';
import type { Transport } from '../core/registry/ports';

// tuf-js caps each file at the length its metadata allows (5 MB for targets by default): this cap only stops a
// response that would be refused anyway from being read whole.
const TUF_RESPONSE_MAX_BYTES = 32 * 1024 * 1024;

/**
 * tuf-js downloads through the project's Transport (proxies from the environment, CA files, timeouts, redirects)
 * instead of global fetch. A non-200 answer is tuf-js's own DownloadHTTPError: its root walk stops at a 404.
 */
export class TransportFetcher extends BaseFetcher {
  constructor(
    private readonly transport: Transport,
    private readonly signal?: AbortSignal,
  ) {
    super();
  }

  async fetch(url: string): Promise<ReadableStream<Uint8Array<ArrayBuffer>>> {
    const response = await this.transport({
      method: 'GET',
      url: new URL(url),
      headers: {},
      maxBytes: TUF_RESPONSE_MAX_BYTES,
      stream: true,
      ...(this.signal ? { signal: this.signal } : {}),
    });
    if (response.status !== 200 || response.stream === undefined)
      throw new DownloadHTTPError(`${url} answered HTTP ${response.status}`, response.status);
    return ReadableStream.from(response.stream) as ReadableStream<Uint8Array<ArrayBuffer>>;
  }
}
