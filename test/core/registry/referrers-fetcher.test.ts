import { describe, expect, it } from 'vitest';
import { createRegistryClient } from '../../../src/core/registry/client';
import { MEDIA_TYPES } from '../../../src/core/registry/media-types';
import type { Transport, TransportRequest, TransportResponse } from '../../../src/core/registry/ports';
import { fakeClock, fakeTransport, reply } from './fakes';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const OTHER = `sha256:${'b'.repeat(64)}`;
const INDEX = JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPES.ociIndex, manifests: [] });

// The registry's socket is faked; the client under test is the real one.
function clientAnswering(referrers: (request: TransportRequest) => TransportResponse) {
  const transport = fakeTransport((request) =>
    request.url.pathname.includes('/referrers/') ? referrers(request) : reply(request, 200, {}, '{}'),
  );
  const deps = { transport, clock: fakeClock(), credentials: () => Promise.resolve(undefined) };
  const client = createRegistryClient(deps, { retries: 0 });
  const fetch = (digest = DIGEST) => client.fetchReferrers({ domain: 'reg.test', path: 'demo/app', digest });
  const asked = () => transport.requests.filter((r) => r.url.pathname.includes('/referrers/')).length;
  return { transport, fetch, asked };
}

const noApi = (r: TransportRequest) => reply(r, 404, { 'content-type': 'text/plain' }, '404 page not found');

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

  describe('when the registry has no referrers API', () => {
    it.each([404, 405])('remembers a %i for the session: later digests ask nothing', async (status) => {
      const { fetch, asked } = clientAnswering((r) => reply(r, status, { 'content-type': 'text/plain' }, 'no'));
      expect(await fetch(DIGEST)).toBeUndefined();
      expect(await fetch(OTHER)).toBeUndefined();
      expect(asked()).toBe(1);
    });

    it('asks once when many digests ask at the same time, before the first answer', async () => {
      const { fetch, asked } = clientAnswering(noApi);
      const answers = await Promise.all([fetch(DIGEST), fetch(OTHER), fetch(DIGEST)]);
      expect(answers).toEqual([undefined, undefined, undefined]);
      expect(asked()).toBe(1);
    });

    it('remembers nothing from a 5xx: the next digest asks again, and its 404 is then remembered', async () => {
      let failing = true;
      const { fetch, asked } = clientAnswering((r) => (failing ? reply(r, 503, {}, '') : noApi(r)));
      await expect(fetch(DIGEST)).rejects.toMatchObject({ code: 'REGISTRY_UNAVAILABLE' });
      failing = false;
      expect(await fetch(OTHER)).toBeUndefined();
      expect(await fetch(DIGEST)).toBeUndefined();
      expect(asked()).toBe(2);
    });

    it('remembers nothing from a 400 (a bad request is not a missing API)', async () => {
      const { fetch, asked } = clientAnswering((r) => reply(r, 400, {}, '{"errors":[{"code":"DIGEST_INVALID"}]}'));
      expect(await fetch(DIGEST)).toBeUndefined();
      expect(await fetch(OTHER)).toBeUndefined();
      expect(asked()).toBe(2);
    });
  });

  it('asks for every digest when the registry has the API', async () => {
    const { fetch, asked } = clientAnswering((r) => reply(r, 200, { 'content-type': MEDIA_TYPES.ociIndex }, INDEX));
    await Promise.all([fetch(DIGEST), fetch(OTHER)]);
    expect(asked()).toBe(2);
  });

  it('lets a digest waiting for the first answer give up when its signal aborts', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transport: Transport = async (request) => {
      if (request.url.pathname.includes('/referrers/')) await held;
      return request.url.pathname.includes('/referrers/') ? noApi(request) : reply(request, 200, {}, '{}');
    };
    const deps = { transport, clock: fakeClock(), credentials: () => Promise.resolve(undefined) };
    const client = createRegistryClient(deps, { retries: 0 });
    const ask = (digest: string, signal?: AbortSignal) =>
      client.fetchReferrers({ domain: 'reg.test', path: 'demo/app', digest }, signal ? { signal } : {});
    const first = ask(DIGEST);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const controller = new AbortController();
    const waiting = ask(OTHER, controller.signal);
    controller.abort(new Error('hover cancelled'));
    await expect(waiting).rejects.toThrow('hover cancelled');
    release();
    expect(await first).toBeUndefined();
  });
});
