import { createHash } from 'node:crypto';
import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { BlobStreamRef } from '../../../src/core/registry/blob-stream';
import { createRegistryClient } from '../../../src/core/registry/client';
import { createMemoryCache } from '../../../src/core/registry/memory-cache';
import { createNodeHash } from '../../../src/node/ipfs/node-hash';
import { createHttpTransport } from '../../../src/node/http-transport';
import { serverPool } from '../../node/servers';
import { fakeClock } from './fakes';

const servers = serverPool();
const closers: (() => void)[] = [];
afterEach(async () => {
  closers.splice(0).forEach((close) => close());
  await servers.closeAll();
});

const layer = Buffer.alloc(300_000, 'layer bytes ');
const digest = `sha256:${createHash('sha256').update(layer).digest('hex')}`;

/** Writes `body` in 10 KB chunks; with `cutAfter`, closes the connection once that many bytes are out. */
function send(res: http.ServerResponse, body: Buffer, cutAfter?: number) {
  const end = cutAfter ?? body.length;
  for (let at = 0; at < end; at += 10_000) res.write(body.subarray(at, Math.min(at + 10_000, end)));
  if (cutAfter === undefined) res.end();
  else res.write('', () => res.destroy());
}

/** How the fake answers the n-th (from 0) authorized GET of the layer. */
type LayerAnswer = (res: http.ServerResponse, range: string | undefined, nth: number) => void;

const whole =
  (body: Buffer): LayerAnswer =>
  (res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    send(res, body);
  };

/** A registry whose repositories need a token (it is its own token server) that answers the layer GETs with `answer`. */
async function registry(answer: LayerAnswer = whole(layer)) {
  const seen: { path: string; authorized: boolean; range?: string }[] = [];
  let layerGets = 0;
  const handler: http.RequestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const { range } = req.headers;
    seen.push({
      path,
      authorized: req.headers.authorization === 'Bearer ok',
      ...(range === undefined ? {} : { range }),
    });
    if (path === '/token') return res.end(JSON.stringify({ token: 'ok' }));
    // The base answers anyone: the blob GET itself meets the challenge.
    if (path === '/v2/') return res.end('{}');
    if (req.headers.authorization !== 'Bearer ok') {
      const challenge = `Bearer realm="${server.origin}/token",service="test"`;
      return res.writeHead(401, { 'www-authenticate': challenge }).end('{"errors":[{"code":"UNAUTHORIZED"}]}');
    }
    if (path !== `/v2/demo/app/blobs/${digest}`) return res.writeHead(404).end('{"errors":[{"code":"BLOB_UNKNOWN"}]}');
    answer(res, range, layerGets++);
  };
  const server = await servers.start(handler);
  const transport = createHttpTransport({ certsDirs: [] });
  closers.push(transport.close);
  const cache = createMemoryCache();
  const credentials = () => Promise.resolve(undefined);
  const client = createRegistryClient({ transport: transport.transport, clock: fakeClock(), credentials, cache });
  const ref: BlobStreamRef = { domain: `127.0.0.1:${server.port}`, path: 'demo/app', digest, size: layer.length };
  return { client, cache, ref, seen };
}

/** Reads the stream, keeping what arrived before any error. */
async function read(stream: AsyncIterable<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk);
    return { bytes: Buffer.concat(chunks), error: undefined };
  } catch (error) {
    return { bytes: Buffer.concat(chunks), error };
  }
}

describe('createRegistryClient › fetchBlobStream', () => {
  it('answers a 401 challenge, then streams the verified layer, and caches nothing', async () => {
    const { client, cache, ref, seen } = await registry();
    const { bytes, error } = await read(client.fetchBlobStream(ref, { createHash: createNodeHash }));
    expect(error).toBeUndefined();
    expect(bytes.equals(layer)).toBe(true);
    const blobGets = seen.filter((s) => s.path.includes('/blobs/'));
    expect(blobGets.map((s) => s.authorized)).toEqual([false, true]);
    expect(await cache.getContent(digest)).toBeUndefined();
  });

  it('fails with REGISTRY_DIGEST_MISMATCH for altered bytes, holding back the last chunk', async () => {
    const altered = Buffer.from(layer);
    altered[altered.length - 1] = 0;
    const { client, ref } = await registry(whole(altered));
    const { bytes, error } = await read(client.fetchBlobStream(ref, { createHash: createNodeHash }));
    expect(error).toMatchObject({ code: 'REGISTRY_DIGEST_MISMATCH', details: { expected: digest } });
    expect(bytes.length).toBeLessThan(layer.length);
  });

  it('fails with REGISTRY_DIGEST_MISMATCH when the body is short', async () => {
    const { client, ref } = await registry(whole(layer.subarray(0, 100_000)));
    const { error } = await read(client.fetchBlobStream(ref, { createHash: createNodeHash }));
    expect(error).toMatchObject({ code: 'REGISTRY_DIGEST_MISMATCH' });
  });

  it('fails with REGISTRY_RESPONSE_TOO_LARGE as soon as the body passes the descriptor size', async () => {
    const { client, ref } = await registry(whole(Buffer.concat([layer, layer])));
    const { bytes, error } = await read(client.fetchBlobStream(ref, { createHash: createNodeHash }));
    expect(error).toMatchObject({ code: 'REGISTRY_RESPONSE_TOO_LARGE' });
    expect(bytes.length).toBeLessThan(layer.length);
  });

  it('fails with REGISTRY_NOT_FOUND for a blob the registry does not have', async () => {
    const { client, ref } = await registry();
    const missing = { ...ref, digest: `sha256:${'0'.repeat(64)}` };
    const { error } = await read(client.fetchBlobStream(missing, { createHash: createNodeHash }));
    expect(error).toMatchObject({ code: 'REGISTRY_NOT_FOUND', details: { missing: 'blob' } });
  });

  it('refuses a descriptor without a valid digest or size before asking', async () => {
    const { client, ref, seen } = await registry();
    const { error } = await read(client.fetchBlobStream({ ...ref, size: -1 }, { createHash: createNodeHash }));
    expect(error).toMatchObject({ code: 'REGISTRY_INVALID_MANIFEST' });
    expect(seen).toHaveLength(0);
  });
});

describe('createRegistryClient › fetchBlobStream › when the connection drops part way', () => {
  const CUT = 100_000;
  const rest = `bytes ${CUT}-${layer.length - 1}/${layer.length}`;
  const partial = (res: http.ServerResponse, contentRange: string, body: Buffer) => {
    res.writeHead(206, { 'content-range': contentRange, 'content-length': String(body.length) });
    send(res, body);
  };
  /** Cuts the first answer after CUT bytes, then answers the resume with `resumed`. */
  const cutOnce =
    (resumed: LayerAnswer): LayerAnswer =>
    (res, range, nth) => {
      if (nth > 0) return resumed(res, range, nth);
      res.writeHead(200, { 'content-length': String(layer.length) });
      send(res, layer, CUT);
    };
  const honoured = cutOnce((res) => partial(res, rest, layer.subarray(CUT)));

  it('resumes from the byte it reached with the same token, and yields every byte once', async () => {
    const { client, ref, seen } = await registry(honoured);
    const { bytes, error } = await read(client.fetchBlobStream(ref, { createHash: createNodeHash }));
    expect(error).toBeUndefined();
    expect(bytes.equals(layer)).toBe(true);
    const blobGets = seen.filter((s) => s.path.includes('/blobs/'));
    // The resume starts at CUT or, when Node dropped what it had buffered at the cut, a little before.
    expect(blobGets.map(({ authorized, range }) => ({ authorized, range }))).toEqual([
      { authorized: false, range: undefined },
      { authorized: true, range: undefined },
      { authorized: true, range: expect.stringMatching(/^bytes=\d+-$/) },
    ]);
  });

  it('skips what it has from a 200 (Range ignored), and still fails with REGISTRY_DIGEST_MISMATCH on other bytes', async () => {
    const altered = Buffer.from(layer);
    altered[altered.length - 1] = 0;
    const { client, ref, seen } = await registry(cutOnce(whole(altered)));
    const { bytes, error } = await read(client.fetchBlobStream(ref, { createHash: createNodeHash }));
    expect(error).toMatchObject({ code: 'REGISTRY_DIGEST_MISMATCH' });
    expect(bytes.length).toBeLessThan(layer.length);
    expect(seen.at(-1)).toMatchObject({ range: expect.stringMatching(/^bytes=\d+-$/) });
  });

  it.each([
    [
      'a 206 for another range',
      (res: http.ServerResponse) => partial(res, `bytes 0-${layer.length - 1}/${layer.length}`, layer),
    ],
    ['a 206 without Content-Range', (res: http.ServerResponse) => res.writeHead(206).end(layer.subarray(CUT))],
    ['a 416', (res: http.ServerResponse) => res.writeHead(416).end()],
  ])('fails with REGISTRY_UNEXPECTED_STATUS for %s', async (_, resumed) => {
    const { client, ref } = await registry(cutOnce(resumed));
    const { error } = await read(client.fetchBlobStream(ref, { createHash: createNodeHash }));
    expect(error).toMatchObject({ code: 'REGISTRY_UNEXPECTED_STATUS' });
  });

  it('asks for nothing more when the connection drops after the last byte: the digest decides', async () => {
    const { client, ref, seen } = await registry((res, _range, nth) => {
      if (nth > 0) return res.writeHead(416).end(); // what a registry answers to bytes=<size>-
      res.writeHead(200); // chunked: the drop loses only the closing chunk
      res.write(layer, () => setTimeout(() => res.destroy(), 100));
    });
    const { bytes, error } = await read(client.fetchBlobStream(ref, { createHash: createNodeHash }));
    expect(error).toBeUndefined();
    expect(bytes.equals(layer)).toBe(true);
    expect(seen.filter((s) => s.range !== undefined)).toEqual([]);
  });

  it('closes the connection of a refused resume at once instead of holding it until the idle timeout', async () => {
    let closed: Promise<unknown> = Promise.resolve();
    const { client, ref } = await registry(
      cutOnce((res) => {
        closed = new Promise((resolve) => res.once('close', resolve));
        res.writeHead(206, { 'content-range': `bytes 0-${layer.length - 1}/${layer.length}` });
        res.write(layer.subarray(0, 10_000)); // and never ends
      }),
    );
    const { error } = await read(client.fetchBlobStream(ref, { createHash: createNodeHash }));
    expect(error).toMatchObject({ code: 'REGISTRY_UNEXPECTED_STATUS' });
    const deadline = new Promise((resolve) => setTimeout(() => resolve('still open'), 2_000).unref());
    expect(await Promise.race([closed.then(() => 'closed'), deadline])).toBe('closed');
  });

  it('fails with REGISTRY_RESPONSE_TOO_LARGE when a 206 sends more than the rest', async () => {
    const longer = Buffer.concat([layer.subarray(CUT), Buffer.from('more')]);
    const { client, ref } = await registry(cutOnce((res) => partial(res, rest, longer)));
    const { bytes, error } = await read(client.fetchBlobStream(ref, { createHash: createNodeHash }));
    expect(error).toMatchObject({ code: 'REGISTRY_RESPONSE_TOO_LARGE' });
    expect(bytes.length).toBeLessThan(layer.length);
  });
});
