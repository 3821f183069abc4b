import { createHash } from 'node:crypto';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { rigRequest } from './rig-http';

const MANIFEST = Buffer.from('{"schemaVersion":2}');
const DIGEST = `sha256:${createHash('sha256').update(MANIFEST).digest('hex')}`;
const OTHER_DIGEST = `sha256:${'0'.repeat(64)}`;

/** The Range header of every request the stand-in upstream received. */
const upstreamRanges: (string | undefined)[] = [];

/** A stand-in upstream: these tests are about the proxy; the rig test runs it in front of a real registry. */
function startUpstream(): Promise<Server> {
  const server = createServer((req, res) => {
    upstreamRanges.push(req.headers.range);
    if (req.url === '/v2/demo/app/blobs/uploads/') {
      res.writeHead(202, { location: `http://${req.headers.host}/v2/demo/app/blobs/uploads/1` }).end();
      return;
    }
    res.writeHead(200, { 'docker-content-digest': DIGEST, 'content-type': 'application/json' }).end(MANIFEST);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The status and body bytes of an answer, and whether the connection ended before the body did. */
function readUntilClosed(url: string) {
  return new Promise<{ status?: number; bytes: number; aborted: boolean }>((resolve, reject) => {
    get(url, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('error', () => undefined);
      res.on('close', () => resolve({ status: res.statusCode, bytes, aborted: !res.complete }));
    }).on('error', reject);
  });
}

describe('startFaultProxy', () => {
  let upstream: Server;
  let proxy: FaultProxy;
  const manifestUrl = () => `${proxy.url}/v2/demo/app/manifests/v1`;

  beforeAll(async () => {
    upstream = await startUpstream();
    proxy = await startFaultProxy({ upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` });
  });
  afterEach(() => {
    proxy.clearFaults();
  });
  afterAll(async () => {
    await proxy.stop();
    await new Promise((resolve) => upstream.close(resolve));
  });

  it('forwards faithfully without a fault, keeping the Host so Location points back at the proxy', async () => {
    const res = await rigRequest(manifestUrl());
    expect([res.status, res.headers['docker-content-digest'], res.body]).toEqual([200, DIGEST, MANIFEST]);
    const upload = await rigRequest(`${proxy.url}/v2/demo/app/blobs/uploads/`, { method: 'POST' });
    expect(upload.headers.location).toBe(`${proxy.url}/v2/demo/app/blobs/uploads/1`);
  });

  it('rewrites Docker-Content-Digest while the bytes stay true', async () => {
    proxy.addFault({ fault: { kind: 'digest-header', digest: OTHER_DIGEST } });
    const res = await rigRequest(manifestUrl());
    expect([res.headers['docker-content-digest'], res.body]).toEqual([OTHER_DIGEST, MANIFEST]);
  });

  it('replaces the body and fixes Content-Length', async () => {
    proxy.addFault({ fault: { kind: 'body', transform: () => Buffer.from('{"tampered":true}') } });
    const res = await rigRequest(manifestUrl());
    expect([res.body.toString(), res.headers['content-length'], res.headers['docker-content-digest']]).toEqual([
      '{"tampered":true}',
      '17',
      DIGEST,
    ]);
  });

  it('inflates a manifest, optionally without announcing its length', async () => {
    proxy.addFault({ fault: { kind: 'inflate', size: 100_000, chunked: true } });
    const res = await rigRequest(manifestUrl());
    expect([res.body.length, res.headers['content-length'], res.headers['transfer-encoding']]).toEqual([
      100_000,
      undefined,
      'chunked',
    ]);
    expect(JSON.parse(res.body.toString())).toEqual({ schemaVersion: 2 });
  });

  it('answers 429 with Retry-After for as many requests as told, then forwards again', async () => {
    proxy.addFault({
      match: { path: /\/manifests\// },
      fault: { kind: 'status', status: 429, retryAfter: '2' },
      times: 1,
    });
    const throttled = await rigRequest(manifestUrl());
    expect([throttled.status, throttled.headers['retry-after']]).toEqual([429, '2']);
    expect((await rigRequest(manifestUrl())).status).toBe(200);
  });

  it('applies a rule only to the method and path it matches', async () => {
    proxy.addFault({ match: { method: 'HEAD' }, fault: { kind: 'status', status: 500 } });
    expect((await rigRequest(manifestUrl())).status).toBe(200);
    expect((await rigRequest(manifestUrl(), { method: 'HEAD' })).status).toBe(500);
  });

  it('redirects to another host', async () => {
    proxy.addFault({ fault: { kind: 'redirect', location: 'http://127.0.0.2:9/elsewhere' } });
    const res = await rigRequest(manifestUrl());
    expect([res.status, res.headers.location]).toEqual([307, 'http://127.0.0.2:9/elsewhere']);
  });

  it.each(['headers', 'body'] as const)('stalls at the %s until the client gives up', async (phase) => {
    proxy.addFault({ fault: { kind: 'stall', phase } });
    const signal = AbortSignal.timeout(200);
    await expect(rigRequest(manifestUrl(), { signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('closes the connection after so many body bytes', async () => {
    proxy.addFault({ fault: { kind: 'cut', afterBytes: 5 } });
    expect(await readUntilClosed(manifestUrl())).toEqual({ status: 200, bytes: 5, aborted: true });
  });

  it('forwards a request without its Range header under ignore-range, and with it otherwise', async () => {
    upstreamRanges.splice(0);
    await rigRequest(manifestUrl(), { headers: { range: 'bytes=5-' } });
    proxy.addFault({ fault: { kind: 'ignore-range' } });
    await rigRequest(manifestUrl(), { headers: { range: 'bytes=5-' } });
    expect(upstreamRanges).toEqual(['bytes=5-', undefined]);
  });

  it('records what each request carried and which fault it met', async () => {
    proxy.addFault({ fault: { kind: 'status', status: 500 }, times: 1 });
    await rigRequest(manifestUrl(), { headers: { authorization: 'Bearer x' } });
    expect(proxy.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: '/v2/demo/app/manifests/v1',
      headers: { authorization: 'Bearer x' },
      fault: 'status',
    });
  });
});
