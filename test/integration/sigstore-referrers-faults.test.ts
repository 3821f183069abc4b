import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../rig/fault-proxy';
import { injectRig } from '../rig/inject-rig';
import { makeTempTree } from '../support/temp-dir';
import { sigstoreOf, verifyJson } from './sigstore-support';

describe('image-trust verify › the referrers API behind a fault proxy in front of the real registry', () => {
  const rig = injectRig();
  const s = sigstoreOf(rig);
  const referrersApi = /\/referrers\/sha256:/;
  let proxy: FaultProxy;
  let home: { root: string; remove: () => Promise<void> };
  beforeAll(async () => {
    home = await makeTempTree({});
    proxy = await startFaultProxy({ upstream: rig.registries.http.url });
  });
  afterEach(() => {
    proxy.clearFaults();
    proxy.requests.splice(0);
  });
  afterAll(async () => {
    await proxy.stop();
    await home.remove();
  });
  const ref = (tag: string) => `${proxy.host}/demo/sigstore:${tag}`;
  const cosignOf = async (...args: string[]) =>
    (await verifyJson(rig, home.root, ['--no-cache', ...args])).rows[0]?.cosign;

  it('asks the API first, and on its 404 (no API) reads the sha256-<hex> fallback tag', async () => {
    const cosign = await cosignOf(...s.rootFlags, '--key', s.keyFile, ref('key-bundle'));
    expect(cosign).toMatchObject({ verified: true, levels: [expect.objectContaining({ referrersVia: 'tag' })] });
    const paths = proxy.requests.map((r) => r.path);
    const api = paths.findIndex((p) => referrersApi.test(p));
    const tag = paths.findIndex((p) => p.endsWith(`/manifests/${s.digests['key-bundle']?.replace(':', '-')}`));
    expect(api).toBeGreaterThanOrEqual(0);
    expect(tag).toBeGreaterThan(api);
  });

  it('asks the missing API once per run, and each signature or referrers tag with one GET (no HEAD, no probe)', async () => {
    const tags = ['key-bundle', 'rekor-mismatch'];
    await cosignOf(...s.rootFlags, '--key', s.keyFile, ...tags.map(ref));
    const asked = proxy.requests.map((r) => `${r.method} ${r.path}`);
    expect(asked.filter((r) => referrersApi.test(r))).toHaveLength(1);
    expect(asked.filter((r) => r.includes('/tags/list'))).toEqual([]);
    for (const digest of tags.map((tag) => s.digests[tag]?.replace(':', '-'))) {
      const lookups = asked.filter((r) => r.endsWith(`/manifests/${digest}.sig`) || r.endsWith(`/manifests/${digest}`));
      expect(lookups).toEqual(expect.arrayContaining([expect.stringMatching(/^GET .*\.sig$/)]));
      expect(lookups.filter((r) => r.startsWith('GET '))).toHaveLength(2);
      expect(lookups.filter((r) => !r.startsWith('GET '))).toEqual([]);
    }
  });

  it('fails with COSIGN_REFERRERS_UNAVAILABLE when the API errors and the signature is only a referrer', async () => {
    proxy.addFault({ match: { path: referrersApi }, fault: { kind: 'status', status: 500 } });
    const cosign = await cosignOf(...s.rootFlags, '--key', s.keyFile, ref('key-bundle'));
    expect(cosign).toMatchObject({ verified: false, codes: ['COSIGN_REFERRERS_UNAVAILABLE'] });
  });

  it('still verifies a .sig signature when the API errors, and warns with COSIGN_REFERRERS_UNAVAILABLE', async () => {
    proxy.addFault({ match: { path: referrersApi }, fault: { kind: 'status', status: 503 } });
    const cosign = await cosignOf(...s.rootFlags, ...s.identityFlags, ref('keyless-sig'));
    // Through the proxy the repository has another host than the payload names: a mirror, reported too.
    expect(cosign).toMatchObject({
      verified: true,
      failures: [],
      codes: ['COSIGN_REFERENCE_MISMATCH', 'COSIGN_REFERRERS_UNAVAILABLE'],
    });
  });
});
