import { describe, expect, it } from 'vitest';
import { createRegistryClient } from '../../../src/core/registry/client';
import { MEDIA_TYPES } from '../../../src/core/registry/media-types';
import type { TransportRequest, TransportResponse } from '../../../src/core/registry/ports';
import { fakeClock, fakeTransport, reply } from './fakes';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const INDEX = JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPES.ociIndex, manifests: [] });

// The registry's socket is faked; the client under test is the real one.
function clientAnswering(referrers: (request: TransportRequest) => TransportResponse) {
  const transport = fakeTransport((request) =>
    request.url.pathname.includes('/referrers/') ? referrers(request) : reply(request, 200, {}, '{}'),
  );
  const deps = { transport, clock: fakeClock(), credentials: () => Promise.resolve(undefined) };
  const client = createRegistryClient(deps, { retries: 0 });
  return { transport, fetch: () => client.fetchReferrers({ domain: 'reg.test', path: 'demo/app', digest: DIGEST }) };
}

describe('fetchReferrers', () => {
  it('returns the index the API serves, asking for an OCI index', async () => {
    const { transport, fetch } = clientAnswering((r) => reply(r, 200, { 'content-type': MEDIA_TYPES.ociIndex }, INDEX));
    expect(new TextDecoder().decode((await fetch())?.bytes)).toBe(INDEX);
    const request = transport.requests.find((r) => r.url.pathname === `/v2/demo/app/referrers/${DIGEST}`);
    expect(request?.headers.accept).toBe(MEDIA_TYPES.ociIndex);
  });

  it.each([
    ['a 404 (registry 2.8’s page for an unknown route)', 404, 'text/plain'],
    ['a 405', 405, 'text/plain'],
    ['a 200 that is not an OCI index', 200, 'text/html'],
  ])('answers undefined (no API: use the fallback tag) for %s', async (_, status, type) => {
    const { fetch } = clientAnswering((r) => reply(r, status, { 'content-type': type }, '404 page not found'));
    expect(await fetch()).toBeUndefined();
  });

  it('fails with REGISTRY_UNAVAILABLE when the API answers 5xx: a failing API is not a missing one', async () => {
    const { fetch } = clientAnswering((r) => reply(r, 500, {}, ''));
    await expect(fetch()).rejects.toMatchObject({ code: 'REGISTRY_UNAVAILABLE' });
  });
});
