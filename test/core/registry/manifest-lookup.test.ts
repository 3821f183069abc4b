import { describe, expect, it } from 'vitest';
import { createRegistryClient } from '../../../src/core/registry/client';
import { MEDIA_TYPES } from '../../../src/core/registry/media-types';
import type { TransportRequest, TransportResponse } from '../../../src/core/registry/ports';
import { fakeRegistry, type FakeRegistryOptions } from './fake-registry';
import { fakeClock, fakeTransport, reply, sha256 } from './fakes';

const body = JSON.stringify({ schemaVersion: 2, config: {}, layers: [] });
const signature = { body, mediaType: MEDIA_TYPES.ociManifest, digest: await sha256(body) };
const SIG_TAG = `sha256-${'a'.repeat(64)}.sig`;

// The registry's socket is faked; the client under test is the real one.
function setUp(
  options: Partial<FakeRegistryOptions> = {},
  answer?: (r: TransportRequest) => TransportResponse | undefined,
) {
  const registry = fakeRegistry({ repositories: { 'demo/app': { [SIG_TAG]: signature } }, ...options });
  const transport = fakeTransport((r) => answer?.(r) ?? registry(r));
  const deps = { transport, clock: fakeClock(), credentials: () => Promise.resolve(undefined) };
  const client = createRegistryClient(deps, { retries: 0 });
  const lookup = (path: string, tag: string) =>
    client.fetchManifest({ domain: 'reg.test', path, tag }, { ifPresent: true });
  const asked = () =>
    transport.requests.filter((r) => r.url.pathname !== '/v2/').map((r) => `${r.method} ${r.url.pathname}`);
  return { client, lookup, asked };
}

describe('fetchManifest with ifPresent (a manifest that may be absent, such as a .sig tag)', () => {
  it('answers undefined for a missing tag after one GET: no HEAD, no tags/list probe', async () => {
    const { lookup, asked } = setUp();
    expect(await lookup('demo/app', 'sha256-missing.sig')).toBeUndefined();
    expect(asked()).toEqual(['GET /v2/demo/app/manifests/sha256-missing.sig']);
  });

  it('answers undefined for a missing repository the same way', async () => {
    const { lookup, asked } = setUp({ nameUnknownOnManifests: true });
    expect(await lookup('demo/gone', SIG_TAG)).toBeUndefined();
    expect(asked()).toEqual([`GET /v2/demo/gone/manifests/${SIG_TAG}`]);
  });

  it('returns the verified bytes of a present tag with one GET, and a second lookup asks nothing', async () => {
    const { lookup, asked } = setUp();
    const first = await lookup('demo/app', SIG_TAG);
    expect(first).toMatchObject({ digest: signature.digest, mediaType: MEDIA_TYPES.ociManifest });
    expect(new TextDecoder().decode(first?.bytes)).toBe(body);
    expect((await lookup('demo/app', SIG_TAG))?.digest).toBe(signature.digest);
    expect(asked()).toEqual([`GET /v2/demo/app/manifests/${SIG_TAG}`]);
  });

  it('fails with REGISTRY_DIGEST_MISMATCH when the bytes differ from the Docker-Content-Digest sent', async () => {
    const { lookup } = setUp({ lieAboutDigest: `sha256:${'0'.repeat(64)}` });
    await expect(lookup('demo/app', SIG_TAG)).rejects.toMatchObject({ code: 'REGISTRY_DIGEST_MISMATCH' });
  });

  it('fails with REGISTRY_UNAVAILABLE on a 5xx: a failing registry is not an absent signature', async () => {
    const { lookup } = setUp({}, (r) => (r.url.pathname.includes('/manifests/') ? reply(r, 503) : undefined));
    await expect(lookup('demo/app', SIG_TAG)).rejects.toMatchObject({ code: 'REGISTRY_UNAVAILABLE' });
  });

  it('leaves fetchManifest without it as it was: a missing repository is REGISTRY_NOT_FOUND naming it', async () => {
    const { client, asked } = setUp();
    const missing = client.fetchManifest({ domain: 'reg.test', path: 'demo/gone', tag: 'v1' });
    await expect(missing).rejects.toMatchObject({ code: 'REGISTRY_NOT_FOUND', details: { missing: 'repository' } });
    expect(asked()).toContain('GET /v2/demo/gone/tags/list');
  });
});
