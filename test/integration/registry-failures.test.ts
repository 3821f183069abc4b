import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import type { FaultProxy } from '../rig/fault-proxy';
import { injectRig } from '../rig/inject-rig';
import { captureIo } from '../support/capture-io';
import { proxiedRegistry, pushedImage, type ResolveHome } from './registry-resolve-cli';

describe('image-trust resolve › when the token registry throttles, fails or stalls (fault proxy)', () => {
  const rig = injectRig();
  const image = pushedImage(rig, 'token', 'multi');
  let proxy: FaultProxy;
  let home: ResolveHome;
  let stop: () => Promise<void>;
  const manifests = /\/manifests\//;
  beforeAll(async () => ({ proxy, home, stop } = await proxiedRegistry(rig)));
  afterEach(() => {
    proxy.clearFaults();
    proxy.requests.splice(0);
  });
  afterAll(() => stop());

  async function resolveMulti(...flags: string[]) {
    const started = Date.now();
    const run = await home.resolve(...flags, `${proxy.host}/demo/app:multi`);
    expect(run.output).not.toContain('hunter2');
    return { ...run, row: run.rows[0], ms: Date.now() - started };
  }
  const manifestRequests = () => proxy.requests.filter((r) => manifests.test(r.path));

  describe('with 429 and Retry-After', () => {
    it('waits as told, then resolves', async () => {
      proxy.addFault({ match: { path: manifests }, fault: { kind: 'status', status: 429, retryAfter: '1' }, times: 1 });
      const { status, row, ms } = await resolveMulti();
      expect(status).toBe(0);
      expect(row).toMatchObject({ digest: image.digest, error: null });
      expect(ms).toBeGreaterThanOrEqual(1000);
    });

    it.each([
      ['persists past the retries', '0', 4],
      ['asks for longer than the client waits', '3600', 1],
    ])('fails with RATE_LIMITED when it %s', async (_, retryAfter, requests) => {
      proxy.addFault({ match: { path: manifests }, fault: { kind: 'status', status: 429, retryAfter } });
      const { status, row } = await resolveMulti();
      expect(status).toBe(3);
      expect(row).toMatchObject({ digest: null, code: 'RATE_LIMITED' });
      expect(manifestRequests()).toHaveLength(requests);
    });
  });

  describe('with 500s', () => {
    it('retries and resolves when the registry recovers', async () => {
      proxy.addFault({ match: { path: manifests }, fault: { kind: 'status', status: 500 }, times: 2 });
      const { status, row } = await resolveMulti();
      expect(status).toBe(0);
      expect(row).toMatchObject({ digest: image.digest });
    });

    it('fails with REGISTRY_UNAVAILABLE after the retries, asking no more than they allow', async () => {
      proxy.addFault({ match: { path: manifests }, fault: { kind: 'status', status: 500 } });
      const { status, row } = await resolveMulti();
      expect(status).toBe(3);
      expect(row).toMatchObject({ digest: null, code: 'REGISTRY_UNAVAILABLE' });
      expect(manifestRequests()).toHaveLength(4);
    });
  });

  it.each(['headers', 'body'] as const)(
    'fails with REGISTRY_TIMEOUT when the answer stalls at the %s, after --timeout',
    async (phase) => {
      proxy.addFault({ match: { method: 'GET', path: manifests }, fault: { kind: 'stall', phase } });
      const { status, row, ms } = await resolveMulti('--timeout', '0.5');
      expect(status).toBe(3);
      expect(row).toMatchObject({ digest: null, code: 'REGISTRY_TIMEOUT' });
      expect(ms).toBeLessThan(5000);
    },
  );

  it.each(['0', 'soon', '-1'])('refuses --timeout %s as a usage error', async (value) => {
    const captured = captureIo(home.root, home.env);
    expect(await runCli(['resolve', '--timeout', value, `${proxy.host}/demo/app:multi`], captured.io)).toBe(2);
    expect(proxy.requests).toEqual([]);
  });

  it.each([
    ['announced in Content-Length', false],
    ['sent chunked', true],
  ])('fails with REGISTRY_RESPONSE_TOO_LARGE for a manifest over the 4 MiB cap, %s', async (_, chunked) => {
    const size = 4 * 1024 * 1024 + 1;
    proxy.addFault({ match: { method: 'GET', path: manifests }, fault: { kind: 'inflate', size, chunked } });
    const { status, row } = await resolveMulti();
    expect(status).toBe(3);
    expect(row).toMatchObject({ digest: null, code: 'REGISTRY_RESPONSE_TOO_LARGE' });
  });
});
