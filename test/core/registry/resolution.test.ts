import { describe, expect, it } from 'vitest';
import { createRegistryClient } from '../../../src/core/registry/client';
import { MEDIA_TYPES } from '../../../src/core/registry/media-types';
import { headerOnlyEntry } from '../../../src/core/registry/resolution';
import { fakeRegistry, type FakeRegistryOptions, type StoredManifest } from './fake-registry';
import { fakeClock, fakeTransport, sha256 } from './fakes';

async function stored(doc: object, mediaType: string): Promise<StoredManifest> {
  const body = JSON.stringify(doc);
  return { body, mediaType, digest: await sha256(body) };
}

const child = await stored({ schemaVersion: 2, config: {}, layers: [] }, MEDIA_TYPES.ociManifest);
const platform = { os: 'linux', architecture: 'amd64' };
const entry = { mediaType: MEDIA_TYPES.ociManifest, digest: child.digest, size: child.body.length, platform };
const index = await stored(
  { schemaVersion: 2, mediaType: MEDIA_TYPES.ociIndex, manifests: [entry] },
  MEDIA_TYPES.ociIndex,
);
const repositories = { 'demo/app': { v1: child, [child.digest]: child, multi: index, [index.digest]: index } };
const v1 = { domain: 'reg.test', path: 'demo/app', tag: 'v1' };
const multi = { ...v1, tag: 'multi' };

function setUp(options: Partial<FakeRegistryOptions> = {}) {
  const transport = fakeTransport(fakeRegistry({ repositories, auth: 'bearer', ...options }));
  const client = createRegistryClient({ transport, clock: fakeClock(), credentials: () => Promise.resolve(undefined) });
  const manifestRequests = () =>
    transport.requests
      .filter((r) => r.url.pathname.includes('/manifests/'))
      .map((r) => `${r.method} ${r.url.pathname.split('/').pop()}`);
  return { client, transport, manifestRequests };
}

describe('createRegistryClient › resolve with trustDigestHeader', () => {
  it('answers a single-platform tag from the HEAD alone, marked headerOnly', async () => {
    const { client, manifestRequests } = setUp();
    const resolution = await client.resolve(v1, { trustDigestHeader: true });
    expect(resolution).toMatchObject({
      digest: child.digest,
      size: child.body.length,
      platforms: [],
      headerOnly: true,
    });
    expect(manifestRequests()).toEqual(['HEAD v1']);
  });

  it('still GETs and verifies an index, whose platforms are in its bytes', async () => {
    const { client, manifestRequests } = setUp();
    const resolution = await client.resolve(multi, { trustDigestHeader: true });
    expect(resolution.headerOnly).toBeUndefined();
    expect(resolution.platforms).toHaveLength(1);
    expect(manifestRequests()).toEqual(['HEAD multi', `GET ${index.digest}`]);
  });

  it('GETs the bytes when the HEAD sends no digest', async () => {
    const { client, manifestRequests } = setUp({ sendDigestOnHead: false });
    expect((await client.resolve(v1, { trustDigestHeader: true })).headerOnly).toBeUndefined();
    expect(manifestRequests()).toEqual(['HEAD v1', 'GET v1']);
  });

  it('sends nothing at all for tags it resolved before (warm cache)', async () => {
    const { client, transport } = setUp();
    await client.resolve(v1, { trustDigestHeader: true });
    await client.resolve(multi, { trustDigestHeader: true });
    const sent = transport.requests.length;
    const again = await Promise.all([v1, multi].map((ref) => client.resolve(ref, { trustDigestHeader: true })));
    expect(again.map((r) => r.digest)).toEqual([child.digest, index.digest]);
    expect(transport.requests).toHaveLength(sent);
  });

  it('without the option, verifies the bytes of a tag a HEAD-only resolution cached', async () => {
    const lie = `sha256:${'0'.repeat(64)}`;
    const { client } = setUp({ lieAboutDigest: lie });
    expect((await client.resolve(v1, { trustDigestHeader: true })).digest).toBe(lie);
    await expect(client.resolve(v1)).rejects.toMatchObject({ code: 'REGISTRY_DIGEST_MISMATCH' });
  });
});

describe('headerOnlyEntry', () => {
  const head = { digest: child.digest, mediaType: MEDIA_TYPES.dockerManifest, size: 12 };

  it('takes a manifest HEAD with a digest and a size', () => {
    expect(headerOnlyEntry(head)).toEqual(head);
  });

  it.each([
    ['an index', { ...head, mediaType: MEDIA_TYPES.dockerList }],
    ['an unknown media type', { ...head, mediaType: 'application/vnd.docker.distribution.manifest.v1+prettyjws' }],
    ['a malformed digest', { ...head, digest: 'sha256:nope' }],
    ['no size', { digest: head.digest, mediaType: head.mediaType }],
  ])('refuses %s', (_, answer) => {
    expect(headerOnlyEntry(answer)).toBeUndefined();
  });
});
