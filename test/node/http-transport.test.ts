import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import type { TLSSocket } from 'node:tls';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TransportRequest } from '../../src/core/registry/ports';
import { withRetries } from '../../src/core/registry/retry';
import { fakeClock } from '../core/registry/fakes';
import { serverPool } from './servers';
import { transportPool } from './transport-pool';
import { createTlsFixture, type TlsFixture } from './tls-fixture';

const servers = serverPool();
const transports = transportPool();
const transport = transports.transport;
let tls: TlsFixture;

beforeAll(async () => {
  tls = await createTlsFixture();
});
afterEach(async () => {
  transports.closeAll();
  await servers.closeAll();
});
afterAll(async () => {
  await rm(tls.dir, { recursive: true, force: true });
});

const get = (url: string, extra: Partial<TransportRequest> = {}): TransportRequest => ({
  method: 'GET',
  url: new URL(url),
  headers: {},
  maxBytes: 1_000_000,
  ...extra,
});
const text = (body: Uint8Array) => new TextDecoder().decode(body);

describe('createHttpTransport', () => {
  it('reuses one keep-alive connection for sequential requests', async () => {
    const server = await servers.start((_req, res) => res.end('ok'));
    const send = transport();
    for (let i = 0; i < 3; i += 1) expect((await send(get(`${server.origin}/v2/`))).status).toBe(200);
    expect(server.connections()).toBe(1);
  });

  it('gives every value of a repeated header', async () => {
    const server = await servers.start((_req, res) => {
      res.setHeader('www-authenticate', ['Bearer realm="a"', 'Basic realm="b"']);
      res.end();
    });
    const response = await transport()(get(server.origin));
    expect(response.headers['www-authenticate']).toEqual(['Bearer realm="a"', 'Basic realm="b"']);
  });

  it('fails with REGISTRY_TIMEOUT on a stalled response', async () => {
    const server = await servers.start((_req, res) => {
      res.writeHead(200, { 'content-length': '10' });
      res.write('12345');
    });
    const send = transport({ requestTimeoutMs: 200 });
    await expect(send(get(server.origin))).rejects.toMatchObject({ code: 'REGISTRY_TIMEOUT' });
  });

  it("rejects with the caller's abort reason", async () => {
    const server = await servers.start(() => undefined);
    const controller = new AbortController();
    const pending = transport()(get(server.origin, { signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('cancelled')), 50);
    await expect(pending).rejects.toThrow('cancelled');
  });

  it.each([
    ['a declared length', true],
    ['a chunked body', false],
  ])('refuses a body over the cap with REGISTRY_RESPONSE_TOO_LARGE (%s)', async (_name, declared) => {
    const server = await servers.start((_req, res) => {
      if (declared) res.setHeader('content-length', '4096');
      res.end('x'.repeat(4096));
    });
    await expect(transport()(get(server.origin, { maxBytes: 1024 }))).rejects.toMatchObject({
      code: 'REGISTRY_RESPONSE_TOO_LARGE',
    });
  });

  describe('on redirects', () => {
    const echoAuth: http.RequestListener = (req, res) => res.end(req.headers.authorization ?? 'none');

    it('drops Authorization when the host changes', async () => {
      const other = await servers.start(echoAuth);
      const first = await servers.start((_req, res) => res.writeHead(307, { location: `${other.origin}/blob` }).end());
      const response = await transport()(get(`${first.origin}/v2/`, { headers: { authorization: 'Bearer secret' } }));
      expect(text(response.body)).toBe('none');
      expect(response.url.href).toBe(`${other.origin}/blob`);
    });

    it('keeps Authorization on the same host', async () => {
      const server = await servers.start((req, res) =>
        req.url === '/moved' ? echoAuth(req, res) : res.writeHead(302, { location: '/moved' }).end(),
      );
      const response = await transport()(get(server.origin, { headers: { authorization: 'Bearer t' } }));
      expect(text(response.body)).toBe('Bearer t');
    });

    it('stops after the maximum with REGISTRY_TOO_MANY_REDIRECTS', async () => {
      const server = await servers.start((_req, res) => res.writeHead(302, { location: '/again' }).end());
      await expect(transport({ maxRedirects: 2 })(get(server.origin))).rejects.toMatchObject({
        code: 'REGISTRY_TOO_MANY_REDIRECTS',
      });
    });
  });

  it('waits out a 429 Retry-After (with the retry layer) and then succeeds', async () => {
    let calls = 0;
    const server = await servers.start((_req, res) => {
      calls += 1;
      if (calls === 1) res.writeHead(429, { 'retry-after': '2' }).end();
      else res.end('ok');
    });
    const clock = fakeClock();
    const send = withRetries(transport(), clock, {
      retries: 2,
      baseDelayMs: 1,
      maxDelayMs: 1,
      retryAfterMaxMs: 10_000,
    });
    expect((await send(get(server.origin))).status).toBe(200);
    expect(clock.sleeps).toEqual([2000]);
  });

  describe('plain HTTP', () => {
    it('is refused to a host that is neither loopback nor marked insecure', async () => {
      await expect(transport()(get('http://registry.example:5000/v2/'))).rejects.toMatchObject({
        code: 'REGISTRY_INSECURE_REFUSED',
      });
    });

    it('is refused on a redirect from HTTPS to a non-loopback host', async () => {
      const server = await servers.start(
        (_req, res) => res.writeHead(302, { location: 'http://example.com/' }).end(),
        tls,
      );
      await expect(transport({ caFiles: [tls.caFile] })(get(server.origin))).rejects.toMatchObject({
        code: 'REGISTRY_INSECURE_REFUSED',
      });
    });
  });

  describe('TLS', () => {
    it('trusts a CA file given in the options', async () => {
      const server = await servers.start((_req, res) => res.end('ok'), tls);
      expect((await transport({ caFiles: [tls.caFile] })(get(server.origin))).status).toBe(200);
    });

    it("trusts docker's certs.d/<host:port>/ca.crt", async () => {
      const server = await servers.start((_req, res) => res.end('ok'), tls);
      const certsDir = join(tls.dir, 'certs.d');
      await mkdir(join(certsDir, `127.0.0.1:${server.port}`), { recursive: true });
      await copyFile(tls.caFile, join(certsDir, `127.0.0.1:${server.port}`, 'ca.crt'));
      expect((await transport({ certsDirs: [certsDir] })(get(server.origin))).status).toBe(200);
    });

    it("presents docker's certs.d client certificate (<name>.cert + <name>.key) to a registry that asks", async () => {
      const ca = await readFile(tls.caFile, 'utf8');
      const mutual = { ...tls, ca, requestCert: true, rejectUnauthorized: true };
      const server = await servers.start((req, res) => res.end(String((req.socket as TLSSocket).authorized)), mutual);
      const hostDir = join(tls.dir, 'mtls.d', `127.0.0.1:${server.port}`);
      await mkdir(hostDir, { recursive: true });
      await copyFile(tls.caFile, join(hostDir, 'ca.crt'));
      await copyFile(tls.clientCertFile, join(hostDir, 'client.cert'));
      await copyFile(tls.clientKeyFile, join(hostDir, 'client.key'));
      const response = await transport({ certsDirs: [join(tls.dir, 'mtls.d')] })(get(server.origin));
      expect(text(response.body)).toBe('true');
    });

    it('fails with REGISTRY_TLS for an unknown CA', async () => {
      const server = await servers.start((_req, res) => res.end('ok'), tls);
      await expect(transport()(get(server.origin))).rejects.toMatchObject({
        code: 'REGISTRY_TLS',
        details: { tls: 'certificate' },
      });
    });

    it('skips verification for a registry marked insecure', async () => {
      const server = await servers.start((_req, res) => res.end('ok'), tls);
      const send = transport({ insecureRegistries: [`127.0.0.1:${server.port}`] });
      expect((await send(get(server.origin))).status).toBe(200);
    });

    it('fails with REGISTRY_TLS when the server speaks plain HTTP', async () => {
      const server = await servers.start((_req, res) => res.end('ok'));
      await expect(transport()(get(`https://127.0.0.1:${server.port}/`))).rejects.toMatchObject({
        code: 'REGISTRY_TLS',
        details: { tls: 'protocol' },
      });
    });
  });

  it('tunnels HTTPS through HTTPS_PROXY with CONNECT, and honours NO_PROXY', async () => {
    const registry = await servers.start((req, res) => res.end(`via ${req.headers.host}`), tls);
    const tunnels: string[] = [];
    const proxy = await servers.start((_req, res) => res.writeHead(405).end());
    proxy.server.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
      tunnels.push(req.url ?? '');
      const upstream = net.connect(registry.port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection established\r\n\r\n');
        upstream.pipe(client).pipe(upstream);
      });
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    const env = { HTTPS_PROXY: proxy.origin, NO_PROXY: 'internal.test' };
    const send = transport({ env, caFiles: [tls.caFile] });
    const response = await send(get('https://registry.test/v2/'));
    expect(text(response.body)).toBe('via registry.test');
    expect(tunnels).toEqual(['registry.test:443']);
    await expect(send(get('https://internal.test/v2/'))).rejects.toMatchObject({ code: 'REGISTRY_NETWORK' });
    expect(tunnels).toHaveLength(1);
  });
});
