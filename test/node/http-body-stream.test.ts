import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { TransportRequest } from '../../src/core/registry/ports';
import { serverPool } from './servers';
import { transportPool } from './transport-pool';

const servers = serverPool();
const transports = transportPool();
const transport = transports.transport;
afterEach(async () => {
  transports.closeAll();
  await servers.closeAll();
});

const streamed = (url: string, extra: Partial<TransportRequest> = {}): TransportRequest => ({
  method: 'GET',
  url: new URL(url),
  headers: {},
  maxBytes: 1_000_000,
  stream: true,
  ...extra,
});
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function collect(stream: AsyncIterable<Uint8Array> | undefined): Promise<string> {
  if (stream === undefined) throw new Error('no stream');
  let all = '';
  for await (const chunk of stream) all += text(chunk);
  return all;
}

/** Writes `count` chunks of `size` bytes, `gapMs` apart, then ends (unless `stall`). */
function trickle(count: number, size: number, gapMs: number, stall = false): http.RequestListener {
  return (_req, res) => {
    res.writeHead(200);
    let sent = 0;
    const next = () => {
      if (sent === count) return stall ? undefined : res.end();
      res.write('x'.repeat(size));
      sent += 1;
      setTimeout(next, gapMs);
    };
    next();
  };
}

describe('the node transport › a streamed request', () => {
  it('gives a 2xx body chunk by chunk as it arrives, with an empty body', async () => {
    let ended = false;
    const server = await servers.start((_req, res) => {
      res.write('first ');
      setTimeout(() => {
        ended = true;
        res.end('second');
      }, 100);
    });
    const response = await transport()(streamed(server.origin));
    expect(response.body).toHaveLength(0);
    const chunks: string[] = [];
    for await (const chunk of response.stream ?? []) chunks.push(`${text(chunk)}${ended ? '' : ' (before the end)'}`);
    expect(chunks).toEqual(['first  (before the end)', 'second']);
  });

  it('reads a 401 whole, so the session can answer its challenge', async () => {
    const server = await servers.start((_req, res) =>
      res.writeHead(401, { 'www-authenticate': 'Bearer realm="x"' }).end('{"errors":[]}'),
    );
    const response = await transport()(streamed(server.origin));
    expect(response.stream).toBeUndefined();
    expect(text(response.body)).toBe('{"errors":[]}');
  });

  it('refuses an error body beyond the small cap even when the stream cap is large', async () => {
    const server = await servers.start((_req, res) => res.writeHead(500).end('e'.repeat(200_000)));
    await expect(transport()(streamed(server.origin))).rejects.toMatchObject({ code: 'REGISTRY_RESPONSE_TOO_LARGE' });
  });

  it('refuses a declared Content-Length over the cap before any chunk', async () => {
    const server = await servers.start((_req, res) =>
      res.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000)),
    );
    await expect(transport()(streamed(server.origin, { maxBytes: 4000 }))).rejects.toMatchObject({
      code: 'REGISTRY_RESPONSE_TOO_LARGE',
    });
  });

  it('fails with REGISTRY_RESPONSE_TOO_LARGE at the first chunk beyond the cap, and hangs up', async () => {
    let closed = false;
    const server = await servers.start((req, res) => {
      res.once('close', () => (closed = true));
      trickle(1000, 1000, 5)(req, res);
    });
    const response = await transport()(streamed(server.origin, { maxBytes: 2500 }));
    let received = 0;
    const reading = (async () => {
      for await (const chunk of response.stream ?? []) received += chunk.length;
    })();
    await expect(reading).rejects.toMatchObject({ code: 'REGISTRY_RESPONSE_TOO_LARGE' });
    expect(received).toBeLessThanOrEqual(2500);
    await expect.poll(() => closed).toBe(true);
  });

  it('fails with REGISTRY_TIMEOUT when the body stops part way', async () => {
    const server = await servers.start(trickle(2, 100, 10, true));
    const response = await transport({ requestTimeoutMs: 200 })(streamed(server.origin));
    await expect(collect(response.stream)).rejects.toMatchObject({ code: 'REGISTRY_TIMEOUT' });
  });

  it('times each chunk, not the whole body: a steady body longer than the timeout arrives', async () => {
    const server = await servers.start(trickle(8, 10, 60));
    const response = await transport({ requestTimeoutMs: 250 })(streamed(server.origin));
    expect(await collect(response.stream)).toHaveLength(80);
  });

  it('does not count the time the consumer holds a chunk as a stall', async () => {
    const server = await servers.start(trickle(3, 10, 20));
    const response = await transport({ requestTimeoutMs: 150 })(streamed(server.origin));
    let all = '';
    for await (const chunk of response.stream ?? []) {
      all += text(chunk);
      await pause(300);
    }
    expect(all).toHaveLength(30);
  });

  it('closes a stream nobody reads after one idle period', async () => {
    let closed = false;
    const server = await servers.start((req, res) => {
      res.once('close', () => (closed = true));
      trickle(1, 10, 0, true)(req, res);
    });
    await transport({ requestTimeoutMs: 150 })(streamed(server.origin));
    await expect.poll(() => closed).toBe(true);
  });

  it("rejects with the caller's abort reason mid-stream", async () => {
    const server = await servers.start(trickle(1000, 100, 10));
    const controller = new AbortController();
    const response = await transport()(streamed(server.origin, { signal: controller.signal }));
    const reading = (async () => {
      for await (const _chunk of response.stream ?? []) controller.abort(new Error('cancelled'));
    })();
    await expect(reading).rejects.toThrow('cancelled');
  });

  it('drops Authorization when a blob is redirected to another host, and streams from there', async () => {
    const cdn = await servers.start((req, res) => res.end(`auth: ${req.headers.authorization ?? 'none'}`));
    const registry = await servers.start((_req, res) =>
      res.writeHead(307, { location: `http://localhost:${cdn.port}/blob?sig=1` }).end(),
    );
    const request = streamed(`${registry.origin}/v2/a/blobs/sha256:0`, { headers: { authorization: 'Bearer secret' } });
    const response = await transport()(request);
    expect(response.url.host).toBe(`localhost:${cdn.port}`);
    expect(await collect(response.stream)).toBe('auth: none');
  });
});
