import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../src/core/errors';
import type { Reference } from '../../../src/core/reference';
import type { Resolution } from '../../../src/core/registry/client-types';
import { ResolutionStore } from '../../../src/core/features/resolution-store';
import { DIGEST_A, resolution } from './feature-fixtures';

const ALPINE: Reference = { domain: 'docker.io', path: 'library/alpine', tag: '3.19' };
const KEY = 'docker.io/library/alpine:3.19';

/** A resolver whose answers the test releases by hand, recording each request's signal. */
function manualResolver() {
  const calls: { signal: AbortSignal; answer(value: Resolution | Error): void }[] = [];
  const resolve = (_ref: Reference, signal: AbortSignal) =>
    new Promise<Resolution>((ok, fail) => {
      calls.push({ signal, answer: (value) => (value instanceof Error ? fail(value) : ok(value)) });
      signal.addEventListener('abort', () => fail(new CoreError('ABORTED', 'aborted')));
    });
  return { calls, resolve };
}

function storeWith(resolve: ReturnType<typeof manualResolver>['resolve'], now = () => 0) {
  return new ResolutionStore({ resolve, now, ttlMs: 1000, failureTtlMs: 100, offline: false });
}

describe('ResolutionStore', () => {
  it('asks once for a tag wanted twice, and is pending meanwhile', async () => {
    const resolver = manualResolver();
    const store = storeWith(resolver.resolve);
    const first = store.ensure([ALPINE], new AbortController().signal);
    const second = store.ensure([ALPINE], new AbortController().signal);
    expect(resolver.calls).toHaveLength(1);
    expect(store.lookup(KEY)).toEqual({ kind: 'pending' });
    resolver.calls[0]?.answer(resolution(DIGEST_A));
    await Promise.all([first, second]);
    expect(store.lookup(KEY)).toMatchObject({ kind: 'resolved', resolution: { digest: DIGEST_A } });
  });

  it('aborts the request once every caller that wanted it is cancelled', async () => {
    const resolver = manualResolver();
    const store = storeWith(resolver.resolve);
    const a = new AbortController();
    const b = new AbortController();
    const waits = [store.ensure([ALPINE], a.signal), store.ensure([ALPINE], b.signal)];
    a.abort();
    expect(resolver.calls[0]?.signal.aborted).toBe(false);
    b.abort();
    await Promise.all(waits);
    expect(resolver.calls[0]?.signal.aborted).toBe(true);
    await Promise.resolve();
    expect(store.lookup(KEY)).toBeUndefined();
  });

  it('keeps the code of a failure, and asks again after the failure TTL', async () => {
    const resolver = manualResolver();
    let now = 0;
    const store = storeWith(resolver.resolve, () => now);
    const wait = store.ensure([ALPINE], new AbortController().signal);
    resolver.calls[0]?.answer(new CoreError('AUTH_DENIED', 'denied'));
    await wait;
    expect(store.lookup(KEY)).toMatchObject({ kind: 'failed', code: 'AUTH_DENIED' });
    void store.ensure([ALPINE], new AbortController().signal);
    expect(resolver.calls).toHaveLength(1);
    now = 101;
    void store.ensure([ALPINE], new AbortController().signal);
    expect(resolver.calls).toHaveLength(2);
  });

  it('asks nothing in offline mode and says so', async () => {
    const resolver = manualResolver();
    const store = new ResolutionStore({
      resolve: resolver.resolve,
      now: () => 0,
      ttlMs: 1,
      failureTtlMs: 1,
      offline: true,
    });
    await store.ensure([ALPINE], new AbortController().signal);
    expect(resolver.calls).toHaveLength(0);
    expect(store.lookup(KEY)).toEqual({ kind: 'offline' });
  });

  it('forgets everything on clear, and tells listeners', async () => {
    const resolver = manualResolver();
    const store = storeWith(resolver.resolve);
    let changes = 0;
    store.onChange(() => (changes += 1));
    const wait = store.ensure([ALPINE], new AbortController().signal);
    resolver.calls[0]?.answer(resolution(DIGEST_A));
    await wait;
    store.clear();
    expect(store.lookup(KEY)).toBeUndefined();
    expect(changes).toBe(3);
  });
});

describe('ResolutionStore.ensure', () => {
  it('asks for the tag of a pinned reference under its tag key, and nothing for a digest alone', async () => {
    const resolver = manualResolver();
    const store = storeWith(resolver.resolve);
    const digestOnly = { domain: 'docker.io', path: 'library/busybox', digest: DIGEST_A };
    const wait = store.ensure([{ ...ALPINE, digest: DIGEST_A }, digestOnly], new AbortController().signal);
    expect(resolver.calls).toHaveLength(1);
    resolver.calls[0]?.answer(resolution(DIGEST_A));
    await wait;
    expect(store.lookup(KEY)).toMatchObject({ kind: 'resolved' });
  });
});

describe('ResolutionStore.forget', () => {
  it('makes the next ensure ask again', async () => {
    const resolver = manualResolver();
    const store = storeWith(resolver.resolve);
    const wait = store.ensure([ALPINE], new AbortController().signal);
    resolver.calls[0]?.answer(resolution(DIGEST_A));
    await wait;
    store.forget([KEY]);
    void store.ensure([ALPINE], new AbortController().signal);
    expect(resolver.calls).toHaveLength(2);
  });
});
