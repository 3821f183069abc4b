import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_TYPES } from '../../src/core/registry/media-types';
import { createNodeRegistryClient, type NodeRegistryClientOptions } from '../../src/node/node-registry-client';
import { serverPool } from './servers';
import { createTlsFixture, type TlsFixture } from './tls-fixture';

const servers = serverPool();
const clients: { close(): void }[] = [];
let tls: TlsFixture;
let home: string;

beforeAll(async () => {
  tls = await createTlsFixture();
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await servers.closeAll();
  await rm(home, { recursive: true, force: true });
});
afterAll(async () => {
  await rm(tls.dir, { recursive: true, force: true });
});

const manifest = JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPES.ociManifest, config: {}, layers: [] });
const digest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`;

/** A registry with token auth whose token server is itself: alice:secret123 gets `Bearer ok`. */
function registry(origin: () => string): http.RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', origin());
    if (url.pathname === '/token') {
      const ok = req.headers.authorization === `Basic ${Buffer.from('alice:secret123').toString('base64')}`;
      return ok ? res.end(JSON.stringify({ token: 'ok', expires_in: 300 })) : res.writeHead(401).end();
    }
    if (req.headers.authorization !== 'Bearer ok') {
      const challenge = `Bearer realm="${origin()}/token",service="test",scope="repository:demo/app:pull"`;
      return res.writeHead(401, { 'www-authenticate': challenge }).end();
    }
    if (url.pathname === '/v2/demo/app/manifests/v1' || url.pathname === `/v2/demo/app/manifests/${digest}`) {
      res.writeHead(200, { 'content-type': MEDIA_TYPES.ociManifest, 'docker-content-digest': digest });
      return res.end(req.method === 'HEAD' ? undefined : manifest);
    }
    res.writeHead(404).end('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}');
  };
}

async function client(options: Partial<NodeRegistryClientOptions> = {}) {
  home = await mkdtemp(join(tmpdir(), 'image-trust-home-'));
  await writeFile(join(home, 'config.json'), '{}');
  const created = createNodeRegistryClient({
    allowCredentialHelpers: false,
    env: { DOCKER_CONFIG: home, XDG_CACHE_HOME: join(home, 'cache') },
    home,
    ...options,
  });
  clients.push(created);
  return { ...created, configFile: join(home, 'config.json') };
}

describe('createNodeRegistryClient', () => {
  it('resolves against http://127.0.0.1:PORT with token auth and a config.json login', async () => {
    let origin = '';
    const server = await servers.start(registry(() => origin));
    origin = server.origin;
    const { client: registryClient, configFile } = await client();
    const login = Buffer.from('alice:secret123').toString('base64');
    await writeFile(configFile, JSON.stringify({ auths: { [`127.0.0.1:${server.port}`]: { auth: login } } }));
    const resolution = await registryClient.resolve({
      domain: `127.0.0.1:${server.port}`,
      path: 'demo/app',
      tag: 'v1',
    });
    expect(resolution).toMatchObject({ digest, mediaType: MEDIA_TYPES.ociManifest, platforms: [] });
  });

  it('resolves against a TLS registry with a custom CA file', async () => {
    let origin = '';
    const server = await servers.start(
      registry(() => origin),
      tls,
    );
    origin = `https://localhost:${server.port}`;
    const { client: registryClient, configFile } = await client({
      transport: { caFiles: [tls.caFile], certsDirs: [] },
    });
    const login = Buffer.from('alice:secret123').toString('base64');
    await writeFile(configFile, JSON.stringify({ auths: { [`localhost:${server.port}`]: { auth: login } } }));
    const resolution = await registryClient.resolve({
      domain: `localhost:${server.port}`,
      path: 'demo/app',
      tag: 'v1',
    });
    expect(resolution.digest).toBe(digest);
  });

  it('fails with AUTH_REQUIRED when no credential is configured', async () => {
    let origin = '';
    const server = await servers.start(registry(() => origin));
    origin = server.origin;
    const { client: registryClient } = await client({ diskCache: false });
    await expect(
      registryClient.resolve({ domain: `127.0.0.1:${server.port}`, path: 'demo/app', tag: 'v1' }),
    ).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
  });
});
