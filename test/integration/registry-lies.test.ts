import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Fault, FaultProxy } from '../rig/fault-proxy';
import { injectRig } from '../rig/inject-rig';
import { proxiedRegistry, pushedImage, type ResolveHome } from './registry-resolve-cli';

const OTHER_DIGEST = `sha256:${'1'.repeat(64)}`;
const appendSpace = (body: Buffer) => Buffer.concat([body, Buffer.from(' ')]);

describe('image-trust resolve › when the token registry lies or redirects (fault proxy)', () => {
  const rig = injectRig();
  const multi = pushedImage(rig, 'token', 'multi');
  let proxy: FaultProxy;
  let home: ResolveHome;
  let stop: () => Promise<void>;
  beforeAll(async () => ({ proxy, home, stop } = await proxiedRegistry(rig)));
  afterEach(() => {
    proxy.clearFaults();
    proxy.requests.splice(0);
  });
  afterAll(() => stop());

  describe('about the digest', () => {
    it('reports a single-platform digest taken from the HEAD as not verified, and --verify catches the lie', async () => {
      proxy.addFault({ match: { path: /\/manifests\// }, fault: { kind: 'digest-header', digest: OTHER_DIGEST } });
      const headOnly = await home.resolve(`${proxy.host}/demo/app:v1`);
      expect(headOnly.rows[0]).toMatchObject({ digest: OTHER_DIGEST, verified: false });
      const verified = await home.resolve('--verify', `${proxy.host}/demo/app:v1`);
      expect(verified.status).toBe(3);
      expect(verified.rows[0]).toMatchObject({ digest: null, code: 'REGISTRY_DIGEST_MISMATCH' });
    });

    it.each<[string, string, Fault, 'HEAD' | 'GET' | undefined]>([
      ['a digest header the bytes do not match', 'multi', { kind: 'digest-header', digest: OTHER_DIGEST }, undefined],
      ['a GET digest header other than the HEAD', 'multi', { kind: 'digest-header', digest: OTHER_DIGEST }, 'GET'],
      ['manifest bytes swapped on the way', 'multi', { kind: 'body', transform: appendSpace }, 'GET'],
      [
        'bytes that do not match a pinned digest',
        `multi@${multi.digest}`,
        { kind: 'body', transform: appendSpace },
        'GET',
      ],
    ])('with %s: fails with REGISTRY_DIGEST_MISMATCH and no digest', async (_, tag, fault, method) => {
      proxy.addFault({ match: { path: /\/manifests\//, ...(method ? { method } : {}) }, fault });
      const { status, rows } = await home.resolve(`${proxy.host}/demo/app:${tag}`);
      expect(status).toBe(3);
      expect(rows[0]).toMatchObject({ digest: null, code: 'REGISTRY_DIGEST_MISMATCH' });
    });
  });

  describe('with a redirect to another host', () => {
    let other: Awaited<ReturnType<typeof proxiedRegistry>>;
    beforeAll(async () => {
      other = await proxiedRegistry(rig, 'tls');
    });
    afterAll(() => other.stop());

    it('follows it without forwarding the credentials, and verifies what that host serves', async () => {
      const v1 = pushedImage(rig, 'tls', 'v1');
      const location = `${other.proxy.url}/v2/demo/app/manifests/v1`;
      proxy.addFault({ match: { path: /\/manifests\// }, fault: { kind: 'redirect', location } });
      const { status, rows, output } = await home.resolve(`${proxy.host}/demo/app:v1`);
      expect(status).toBe(0);
      expect(rows[0]).toMatchObject({ digest: v1.digest, error: null });
      expect(proxy.requests.some((r) => r.headers.authorization?.startsWith('Bearer '))).toBe(true);
      expect(other.proxy.requests.length).toBeGreaterThan(0);
      expect(other.proxy.requests.map((r) => r.headers.authorization)).toEqual(
        other.proxy.requests.map(() => undefined),
      );
      expect(output).not.toContain('hunter2');
    });
  });
});
