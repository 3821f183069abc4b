import { describe, expect, it } from 'vitest';
import { fetchPinTarget } from '../../../src/core/pin/pin-target';
import { createRegistryClient } from '../../../src/core/registry/client';
import { MEDIA_TYPES } from '../../../src/core/registry/media-types';
import type { TransportRequest } from '../../../src/core/registry/ports';
import { fakeRegistry, type StoredManifest } from '../registry/fake-registry';
import { fakeClock, fakeTransport, reply, sha256 } from '../registry/fakes';

const CONFIG = 'application/vnd.oci.image.config.v1+json';
const blobs = new Map<string, string>();

async function image(platform: object, version: string): Promise<StoredManifest> {
  const config = JSON.stringify({ ...platform, config: { Labels: { version } } });
  const configDigest = await sha256(config);
  blobs.set(configDigest, config);
  const descriptor = { mediaType: CONFIG, digest: configDigest, size: config.length };
  const body = JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPES.ociManifest, config: descriptor, layers: [] });
  return { body, mediaType: MEDIA_TYPES.ociManifest, digest: await sha256(body) };
}

async function indexOf(children: [StoredManifest, object][]): Promise<StoredManifest> {
  const manifests = children.map(([m, platform]) => ({ ...m, body: undefined, size: m.body.length, platform }));
  const body = JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPES.ociIndex, manifests });
  return { body, mediaType: MEDIA_TYPES.ociIndex, digest: await sha256(body) };
}

const AMD64 = { os: 'linux', architecture: 'amd64' };
const ARMV7 = { os: 'linux', architecture: 'arm', variant: 'v7' };
const oldAmd64 = await image(AMD64, '1');
const oldArm = await image(ARMV7, '1');
const newAmd64 = await image(AMD64, '2');
const newArm64 = await image({ os: 'linux', architecture: 'arm64', variant: 'v8' }, '2');
const multi = await indexOf([
  [newAmd64, AMD64],
  [newArm64, { os: 'linux', architecture: 'arm64', variant: 'v8' }],
]);
const oldIndex = await indexOf([[oldAmd64, AMD64]]);
const singleTag = { digest: newAmd64.digest, mediaType: newAmd64.mediaType, platforms: [] };

function setUp(lieAboutBlobs = false) {
  const stored = [oldAmd64, oldArm, newAmd64, newArm64, multi, oldIndex];
  const manifests = fakeRegistry({
    repositories: { 'demo/app': Object.fromEntries(stored.map((m) => [m.digest, m])) },
  });
  const transport = fakeTransport((request: TransportRequest) => {
    const blob = /\/blobs\/(.+)$/.exec(request.url.pathname)?.[1];
    if (blob === undefined) return manifests(request);
    const body = blobs.get(blob);
    return body === undefined ? reply(request, 404) : reply(request, 200, {}, lieAboutBlobs ? `${body} ` : body);
  });
  const client = createRegistryClient({ transport, clock: fakeClock(), credentials: () => Promise.resolve(undefined) });
  return { client, transport };
}

const written = (digest?: string) => ({ domain: 'reg.test', path: 'demo/app', digest });
const resolved = async () => {
  const { client } = setUp();
  return client.resolve({ domain: 'reg.test', path: 'demo/app', digest: multi.digest });
};

describe('fetchPinTarget', () => {
  it("pins the new index's child for the platform in an old single-platform pin's config", async () => {
    const { client, transport } = setUp();
    const target = await fetchPinTarget(client, written(oldAmd64.digest), await resolved());
    expect(target).toEqual({ digest: newAmd64.digest, singlePlatform: AMD64 });
    const paths = transport.requests.map((r) => r.url.pathname).filter((p) => p !== '/v2/');
    expect(paths).toEqual([`/v2/demo/app/manifests/${oldAmd64.digest}`, expect.stringMatching(/\/blobs\/sha256:/)]);
  });

  it('fails with PIN_PLATFORM_GONE when the new index lacks that platform', async () => {
    const { client } = setUp();
    const target = fetchPinTarget(client, written(oldArm.digest), await resolved());
    await expect(target).rejects.toMatchObject({ code: 'PIN_PLATFORM_GONE' });
  });

  it('pins the index when the old pin was an index', async () => {
    const { client } = setUp();
    expect(await fetchPinTarget(client, written(oldIndex.digest), await resolved())).toEqual({ digest: multi.digest });
  });

  it('asks the registry nothing when the index alone decides', async () => {
    const { client, transport } = setUp();
    const resolution = await resolved();
    expect(await fetchPinTarget(client, written(), resolution)).toEqual({ digest: multi.digest });
    expect((await fetchPinTarget(client, written(newArm64.digest), resolution)).digest).toBe(newArm64.digest);
    expect(await fetchPinTarget(client, written(oldArm.digest), singleTag)).toEqual({ digest: newAmd64.digest });
    expect(transport.requests).toHaveLength(0);
  });

  it('fails with REGISTRY_DIGEST_MISMATCH when the config blob is not its digest', async () => {
    const { client } = setUp(true);
    const target = fetchPinTarget(client, written(oldAmd64.digest), await resolved());
    await expect(target).rejects.toMatchObject({ code: 'REGISTRY_DIGEST_MISMATCH' });
  });
});
