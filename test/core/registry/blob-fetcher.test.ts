import { describe, expect, it } from 'vitest';
import { createRegistryClient } from '../../../src/core/registry/client';
import { DEFAULTS } from '../../../src/core/registry/defaults';
import { createMemoryCache } from '../../../src/core/registry/memory-cache';
import type { RegistryCache, TransportRequest } from '../../../src/core/registry/ports';
import { fakeClock, fakeTransport, reply, sha256 } from './fakes';

const config = JSON.stringify({ os: 'linux', architecture: 'arm64', variant: 'v8' });
const digest = await sha256(config);
const ref = { domain: 'reg.test', path: 'demo/app', digest, mediaType: 'application/vnd.oci.image.config.v1+json' };

function setUp(body: (request: TransportRequest) => string | undefined, cache: RegistryCache = createMemoryCache()) {
  const transport = fakeTransport((request) => {
    if (request.url.pathname === '/v2/') return reply(request, 200, {}, '{}');
    const sent = body(request);
    return sent === undefined
      ? reply(request, 404, {}, '{"errors":[{"code":"BLOB_UNKNOWN"}]}')
      : reply(request, 200, { 'content-type': 'application/octet-stream' }, sent);
  });
  const client = createRegistryClient({
    transport,
    clock: fakeClock(),
    credentials: () => Promise.resolve(undefined),
    cache,
  });
  const blobRequests = () => transport.requests.filter((r) => r.url.pathname.includes('/blobs/'));
  return { client, transport, blobRequests };
}

describe('createRegistryClient › fetchBlob', () => {
  it('GETs the blob by digest, capped at maxBlobBytes, and returns the verified bytes', async () => {
    const { client, blobRequests } = setUp(() => config);
    const blob = await client.fetchBlob(ref);
    expect(new TextDecoder().decode(blob.bytes)).toBe(config);
    expect(blob.digest).toBe(digest);
    const [request] = blobRequests();
    expect(request?.url.href).toBe(`https://reg.test/v2/demo/app/blobs/${digest}`);
    expect(request?.maxBytes).toBe(DEFAULTS.maxBlobBytes);
  });

  it('asks once: verified bytes are cached by digest', async () => {
    const { client, blobRequests } = setUp(() => config);
    await client.fetchBlob(ref);
    await client.fetchBlob(ref);
    expect(blobRequests()).toHaveLength(1);
  });

  it('fetches again when the cached bytes no longer match their digest', async () => {
    const cache = createMemoryCache();
    await cache.putContent(digest, { bytes: new TextEncoder().encode('{}'), mediaType: 'x' });
    const { client, blobRequests } = setUp(() => config, cache);
    await expect(client.fetchBlob(ref)).resolves.toMatchObject({ digest });
    expect(blobRequests()).toHaveLength(1);
  });

  it('fails with REGISTRY_DIGEST_MISMATCH for bytes that are not the digest, and caches nothing', async () => {
    const cache = createMemoryCache();
    const { client } = setUp(() => `${config} `, cache);
    await expect(client.fetchBlob(ref)).rejects.toMatchObject({ code: 'REGISTRY_DIGEST_MISMATCH' });
    expect(await cache.getContent(digest)).toBeUndefined();
  });

  it('fails with REGISTRY_NOT_FOUND naming the blob when the registry has none', async () => {
    const { client } = setUp(() => undefined);
    await expect(client.fetchBlob(ref)).rejects.toMatchObject({
      code: 'REGISTRY_NOT_FOUND',
      details: { missing: 'blob' },
    });
  });

  it('fails with REGISTRY_INVALID_MANIFEST for a malformed digest, without asking', async () => {
    const { client, blobRequests } = setUp(() => config);
    await expect(client.fetchBlob({ ...ref, digest: 'sha256:abc' })).rejects.toMatchObject({
      code: 'REGISTRY_INVALID_MANIFEST',
    });
    expect(blobRequests()).toHaveLength(0);
  });

  it('honours a smaller maxBlobBytes', async () => {
    const transport = fakeTransport((request) =>
      reply(request, 200, {}, request.url.pathname === '/v2/' ? '{}' : config),
    );
    const deps = { transport, clock: fakeClock(), credentials: () => Promise.resolve(undefined) };
    await createRegistryClient(deps, { maxBlobBytes: 512 }).fetchBlob(ref);
    expect(transport.requests.at(-1)?.maxBytes).toBe(512);
  });
});
