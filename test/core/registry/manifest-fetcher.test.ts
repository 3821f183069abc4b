import { describe, expect, it } from 'vitest';
import { createRegistryClient } from '../../../src/core/registry/client';
import { webCryptoHash } from '../../../src/core/registry/digest';
import { MEDIA_TYPES } from '../../../src/core/registry/media-types';
import type { HashFunction } from '../../../src/core/registry/ports';
import { fakeRegistry, type FakeRegistryOptions } from './fake-registry';
import { fakeClock, fakeTransport, sha256 } from './fakes';

const body = JSON.stringify({ schemaVersion: 2, config: {}, layers: [] });
const manifest = { body, mediaType: MEDIA_TYPES.ociManifest, digest: await sha256(body) };

// The registry's socket is faked; the hash is the real one, counted.
function setUp(options: Partial<FakeRegistryOptions> = {}) {
  const hashed: string[] = [];
  const hash: HashFunction = (algorithm, bytes) => {
    hashed.push(algorithm);
    return webCryptoHash(algorithm, bytes);
  };
  const repositories = { 'demo/app': { v1: manifest, [manifest.digest]: manifest } };
  const transport = fakeTransport(fakeRegistry({ repositories, ...options }));
  const deps = { transport, clock: fakeClock(), credentials: () => Promise.resolve(undefined), hash };
  return { hashed, client: createRegistryClient(deps, { retries: 0 }) };
}

describe('fetchManifestBytes › verifying the bytes against every digest claimed', () => {
  it('hashes them once when the HEAD, the GET and the reference claim the same sha256', async () => {
    const { hashed, client } = setUp();
    const fetched = await client.fetchManifest({ domain: 'reg.test', path: 'demo/app', tag: 'v1' });
    expect(fetched.digest).toBe(manifest.digest);
    expect(hashed).toEqual(['sha256']);
  });

  it('still fails with REGISTRY_DIGEST_MISMATCH when a claim differs', async () => {
    const { client } = setUp({ lieAboutDigest: `sha256:${'0'.repeat(64)}`, sendDigestOnHead: false });
    const fetched = client.fetchManifest({ domain: 'reg.test', path: 'demo/app', tag: 'v1' });
    await expect(fetched).rejects.toMatchObject({ code: 'REGISTRY_DIGEST_MISMATCH' });
  });
});
