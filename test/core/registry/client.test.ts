import { describe, expect, it } from 'vitest';
import { createRegistryClient } from '../../../src/core/registry/client';
import type { Credential } from '../../../src/core/registry/credential';
import { MANIFEST_ACCEPT, MEDIA_TYPES } from '../../../src/core/registry/media-types';
import type { LogEvent, TransportRequest } from '../../../src/core/registry/ports';
import { RegistryError } from '../../../src/core/registry/registry-error';
import { fakeRegistry, type FakeRegistryOptions, type StoredManifest } from './fake-registry';
import { fakeClock, fakeTransport, reply, sha256 } from './fakes';

async function stored(doc: object, mediaType: string): Promise<StoredManifest> {
  const body = JSON.stringify(doc);
  return { body, mediaType, digest: await sha256(body) };
}

const child = await stored({ schemaVersion: 2, config: {}, layers: [] }, MEDIA_TYPES.ociManifest);
const index = await stored(
  {
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociIndex,
    manifests: [
      {
        mediaType: MEDIA_TYPES.ociManifest,
        digest: child.digest,
        size: child.body.length,
        platform: { os: 'linux', architecture: 'amd64' },
      },
      {
        mediaType: MEDIA_TYPES.ociManifest,
        digest: child.digest,
        size: child.body.length,
        platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
      },
    ],
  },
  MEDIA_TYPES.ociIndex,
);
const repositories = { 'demo/app': { multi: index, [index.digest]: index, v1: child, [child.digest]: child } };
const ref = { domain: 'reg.test', path: 'demo/app', tag: 'multi' };

function setUp(options: Partial<FakeRegistryOptions> = {}, credential?: Credential) {
  const clock = fakeClock();
  const transport = fakeTransport(fakeRegistry({ repositories, ...options }));
  const logs: LogEvent[] = [];
  const deps = { transport, clock, credentials: () => Promise.resolve(credential), log: (e: LogEvent) => logs.push(e) };
  return { clock, transport, logs, client: createRegistryClient(deps, { tagTtlMs: 60_000 }) };
}
const manifestRequests = (requests: TransportRequest[]) =>
  requests
    .filter((r) => r.url.pathname.includes('/manifests/'))
    .map((r) => `${r.method} ${r.url.pathname.split('/').pop()}`);

describe('createRegistryClient › resolve', () => {
  describe('for a multi-platform tag behind token auth', () => {
    it('pins the index digest and lists each platform', async () => {
      const { client } = setUp({
        auth: 'bearer',
        headers: { 'ratelimit-limit': '100;w=21600', 'ratelimit-remaining': '99;w=21600' },
      });
      const resolution = await client.resolve(ref);
      expect(resolution).toMatchObject({
        digest: index.digest,
        mediaType: MEDIA_TYPES.ociIndex,
        size: index.body.length,
      });
      expect(resolution.platforms.map((p) => `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`)).toEqual([
        'linux/amd64',
        'linux/arm64/v8',
      ]);
      expect(resolution.rateLimit).toEqual({ limit: 100, remaining: 99, windowSeconds: 21600 });
    });

    it('HEADs the tag with every manifest type accepted, then GETs the bytes by digest', async () => {
      const { client, transport } = setUp({ auth: 'bearer' });
      await client.resolve(ref);
      expect(manifestRequests(transport.requests).filter((r) => !r.startsWith('GET multi'))).toContain(
        `GET ${index.digest}`,
      );
      const head = transport.requests.find((r) => r.method === 'HEAD');
      expect(head?.headers.accept).toBe(MANIFEST_ACCEPT);
      expect(head?.url.href).toBe('https://reg.test/v2/demo/app/manifests/multi');
    });
  });

  it('computes the digest from the bytes when HEAD sends none', async () => {
    const { client, transport } = setUp({ sendDigestOnHead: false });
    expect((await client.resolve({ ...ref, tag: 'v1' })).digest).toBe(child.digest);
    expect(manifestRequests(transport.requests)).toEqual(['HEAD v1', 'GET v1']);
  });

  describe('when the registry lies about the digest', () => {
    const lie = `sha256:${'0'.repeat(64)}`;

    it('fails with REGISTRY_DIGEST_MISMATCH on a lying GET', async () => {
      const { client } = setUp({ lieAboutDigest: lie, sendDigestOnHead: false });
      await expect(client.resolve(ref)).rejects.toMatchObject({
        code: 'REGISTRY_DIGEST_MISMATCH',
        details: { expected: lie },
      });
    });

    it('fails with REGISTRY_DIGEST_MISMATCH when HEAD announces a digest it cannot serve', async () => {
      const { client } = setUp({ lieAboutDigest: lie });
      await expect(client.resolve(ref)).rejects.toMatchObject({
        code: 'REGISTRY_DIGEST_MISMATCH',
        details: { expected: lie, actual: index.digest },
      });
    });

    it('fails with REGISTRY_DIGEST_MISMATCH when it serves other bytes under the digest it announced', async () => {
      const { client } = setUp({ repositories: { 'demo/app': { multi: index, [lie]: index } }, lieAboutDigest: lie });
      await expect(client.resolve(ref)).rejects.toMatchObject({
        code: 'REGISTRY_DIGEST_MISMATCH',
        details: { actual: index.digest },
      });
    });
  });

  describe('when the bytes do not match the digest in the reference', () => {
    it('fails with REGISTRY_DIGEST_MISMATCH', async () => {
      const repos = { 'demo/app': { [index.digest]: child } };
      const { client } = setUp({ repositories: repos, sendDigestOnHead: false });
      const error = client.resolve({ ...ref, digest: index.digest });
      await expect(error).rejects.toMatchObject({
        code: 'REGISTRY_DIGEST_MISMATCH',
        details: { expected: index.digest, actual: child.digest },
      });
    });
  });

  it.each([
    ['an unknown tag', { ...ref, tag: 'nope' }, {}, 'manifest'],
    [
      'an unknown repository (MANIFEST_UNKNOWN, then NAME_UNKNOWN from tags/list)',
      { ...ref, path: 'nobody/here' },
      {},
      'repository',
    ],
    [
      'an unknown repository (NAME_UNKNOWN)',
      { ...ref, path: 'nobody/here' },
      { nameUnknownOnManifests: true },
      'repository',
    ],
  ])('fails on %s with REGISTRY_NOT_FOUND', async (_name, target, options, missing) => {
    const { client } = setUp(options);
    await expect(client.resolve(target)).rejects.toMatchObject({ code: 'REGISTRY_NOT_FOUND', details: { missing } });
  });

  it('reuses a resolved tag until its TTL, then only HEADs again', async () => {
    const { client, clock, transport } = setUp();
    await client.resolve(ref);
    const first = manifestRequests(transport.requests).length;
    await client.resolve(ref);
    expect(manifestRequests(transport.requests)).toHaveLength(first);
    clock.advance(60_000);
    await client.resolve(ref);
    expect(manifestRequests(transport.requests).slice(first)).toEqual(['HEAD multi']);
  });

  it("talks to Docker Hub's API host for docker.io", async () => {
    const { client, transport } = setUp({
      repositories: { 'library/alpine': { latest: child, [child.digest]: child } },
    });
    await client.resolve({ domain: 'docker.io', path: 'library/alpine' });
    expect(new Set(transport.requests.map((r) => r.url.host))).toEqual(new Set(['registry-1.docker.io']));
  });

  it('fails with AUTH_REQUIRED when a registry wants a login and none is configured', async () => {
    const transport = fakeTransport((r) => reply(r, 401, { 'www-authenticate': 'Basic realm="x"' }));
    const client = createRegistryClient({
      transport,
      clock: fakeClock(),
      credentials: () => Promise.resolve(undefined),
    });
    await expect(client.resolve(ref)).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  it('fails with REGISTRY_UNAVAILABLE when 5xx persists after retries', async () => {
    const transport = fakeTransport((r) => reply(r, r.url.pathname === '/v2/' ? 200 : 503));
    const client = createRegistryClient({
      transport,
      clock: fakeClock(),
      credentials: () => Promise.resolve(undefined),
    });
    await expect(client.resolve(ref)).rejects.toMatchObject({ code: 'REGISTRY_UNAVAILABLE' });
  });
});

describe('createRegistryClient › plain HTTP', () => {
  const tlsFails = (request: TransportRequest) => {
    if (request.url.protocol === 'https:') throw new RegistryError('REGISTRY_TLS', 'no TLS here', { tls: 'protocol' });
    return fakeRegistry({ repositories })(request);
  };
  const anonymous = () => Promise.resolve(undefined);

  it('falls back to HTTP for a loopback registry', async () => {
    const transport = fakeTransport(tlsFails);
    const client = createRegistryClient({
      transport,
      clock: fakeClock(),
      credentials: () => Promise.resolve(undefined),
    });
    await client.resolve({ ...ref, domain: '127.0.0.1:5000' });
    expect(transport.requests.at(-1)?.url.href).toBe(`http://127.0.0.1:5000/v2/demo/app/manifests/${index.digest}`);
  });

  it('never falls back for another host unless it is marked insecure', async () => {
    const deps = {
      transport: fakeTransport(tlsFails),
      clock: fakeClock(),
      credentials: () => Promise.resolve(undefined),
    };
    await expect(createRegistryClient(deps).resolve(ref)).rejects.toMatchObject({ code: 'REGISTRY_TLS' });
    await expect(createRegistryClient(deps, { insecureRegistries: ['reg.test'] }).resolve(ref)).resolves.toBeDefined();
  });

  it('never falls back when the certificate is the problem: the server speaks TLS', async () => {
    const transport = fakeTransport((request) => {
      if (request.url.protocol === 'https:')
        throw new RegistryError('REGISTRY_TLS', 'untrusted', { tls: 'certificate' });
      return reply(request, 200);
    });
    const client = createRegistryClient({ transport, clock: fakeClock(), credentials: anonymous });
    await expect(client.resolve({ ...ref, domain: '127.0.0.1:5000' })).rejects.toMatchObject({ code: 'REGISTRY_TLS' });
    expect(transport.requests).toHaveLength(1);
  });

  it('keeps the TLS error when plain HTTP does not answer like a registry (a TLS server says 400)', async () => {
    const transport = fakeTransport((request) => {
      if (request.url.protocol === 'https:') throw new RegistryError('REGISTRY_TLS', 'reset', { tls: 'protocol' });
      return reply(request, 400, {}, 'Client sent an HTTP request to an HTTPS server.');
    });
    const client = createRegistryClient({ transport, clock: fakeClock(), credentials: anonymous });
    const error = client.resolve({ ...ref, domain: '127.0.0.1:5000' });
    await expect(error).rejects.toMatchObject({ code: 'REGISTRY_TLS', details: { tls: 'protocol' } });
  });
});

describe('createRegistryClient › secrets', () => {
  it('never puts the password in errors or logs', async () => {
    const credential = {
      kind: 'basic',
      username: 'bob',
      password: 'hunter2-secret',
      source: 'config.json auths',
    } as const;
    const transport = fakeTransport((r) => reply(r, 401, { 'www-authenticate': 'Basic realm="x"' }));
    const logs: LogEvent[] = [];
    const client = createRegistryClient({
      transport,
      clock: fakeClock(),
      credentials: () => Promise.resolve(credential),
      log: (e) => logs.push(e),
    });
    const error = await client.resolve(ref).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUTH_DENIED', details: { credentialSource: 'config.json auths' } });
    const seen = [String(error), JSON.stringify(error), (error as Error).stack, JSON.stringify(logs)].join('\n');
    expect(seen).not.toContain('hunter2-secret');
    expect(seen).not.toContain(btoa('bob:hunter2-secret'));
  });
});
