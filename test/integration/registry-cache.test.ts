import { afterEach, describe, expect, it } from 'vitest';
import { injectRig } from '../rig/inject-rig';
import { proxiedRegistry, pushedImage } from './registry-resolve-cli';

describe('image-trust resolve › its disk cache, counted by a proxy in front of the token registry', () => {
  const rig = injectRig();
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it('answers again without sending a single request, and asks the registry again with --no-cache', async () => {
    const proxied = await proxiedRegistry(rig, 'token', { diskCache: true });
    stop = proxied.stop;
    const { proxy, home } = proxied;
    const refs = ['multi', 'v1'].map((tag) => `${proxy.host}/demo/app:${tag}`);
    const digests = ['multi', 'v1'].map((tag) => pushedImage(rig, 'token', tag).digest);
    expect((await home.resolve(...refs)).rows.map((r) => r.digest)).toEqual(digests);
    proxy.requests.splice(0);
    const warm = await home.resolve(...refs);
    expect(warm.rows.map((r) => r.digest)).toEqual(digests);
    expect(proxy.requests).toEqual([]);
    await home.resolve('--no-cache', ...refs);
    expect(proxy.requests.length).toBeGreaterThan(0);
  });
});
