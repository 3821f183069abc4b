import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import type { VerifyRow } from '../../src/cli/verify-command';
import { injectRig } from '../rig/inject-rig';
import { captureIo } from '../support/capture-io';
import { makeTempTree } from '../support/temp-dir';

describe('image-trust verify against the real notary server', () => {
  const rig = injectRig();
  const http = rig.registries.http.host;
  let home: { root: string; remove: () => Promise<void> };

  beforeAll(async () => {
    home = await makeTempTree({});
  });
  afterAll(() => home.remove());

  async function verifyJson(...args: string[]) {
    const env = { HOME: home.root, XDG_CACHE_HOME: `${home.root}/cache`, DOCKER_CONTENT_TRUST_SERVER: rig.notary.url };
    const captured = captureIo(home.root, env);
    const status = await runCli(['verify', '--format', 'json', '--ca-file', rig.tls.caFile, ...args], captured.io);
    return { status, rows: JSON.parse(captured.stdout()) as VerifyRow[] };
  }

  const signedTag = (tag: string) => {
    const found = rig.notary.signed.find((t) => t.tag === tag);
    if (!found) throw new Error(`the rig signed no ${tag}`);
    return found;
  };

  it('reports tags signed in targets and in targets/releases, with every role expiry', async () => {
    const { status, rows } = await verifyJson(`${http}/demo/app:v1`, `${http}/demo/app:v2`, `${http}/demo/app:multi`);
    expect(status).toBe(0);
    expect(rows.map((r) => [r.digest, r.dct?.signed, r.dct?.signers])).toEqual([
      [signedTag('v1').digest, true, ['targets']],
      [signedTag('v2').digest, true, ['targets/releases']],
      [signedTag('multi').digest, true, ['targets/releases']],
    ]);
    expect(Object.keys(rows[0]?.dct?.expires ?? {}).sort()).toEqual([
      'root',
      'snapshot',
      'targets',
      'targets/releases',
      'timestamp',
    ]);
    expect(rows[0]?.dct?.codes).toEqual([]);
  });

  it('fails with DCT_DIGEST_MISMATCH when the signed digest is not what the registry serves', async () => {
    const { status, rows } = await verifyJson(`${http}/demo/app:v1-docker`);
    expect(status).toBe(1);
    expect(rows[0]?.dct).toMatchObject({ signed: false, codes: ['DCT_DIGEST_MISMATCH'] });
  });

  it('fails with DCT_NOT_SIGNED for a tag the trust data does not name', async () => {
    const { rows } = await verifyJson(`${http}/demo/app:multi-docker`);
    expect(rows[0]?.dct?.codes).toEqual(['DCT_NOT_SIGNED']);
  });

  it('fails with DCT_NO_TRUST_DATA for a repository without trust data', async () => {
    const { rows } = await verifyJson(`${http}/demo/tool:1.0`);
    expect(rows[0]?.dct?.codes).toEqual(['DCT_NO_TRUST_DATA']);
  });

  it('prints the signers, expiry dates and codes as text', async () => {
    const env = { HOME: home.root, XDG_CACHE_HOME: `${home.root}/cache` };
    const captured = captureIo(home.root, env);
    const args = ['verify', '--ca-file', rig.tls.caFile, '--notary-server', rig.notary.url];
    const status = await runCli([...args, `${http}/demo/app:v2`, `${http}/demo/app:v1-docker`], captured.io);
    expect(status).toBe(1);
    expect(captured.stdout()).toContain('signed by targets/releases');
    expect(captured.stdout()).toMatch(/expires +targets\/releases +\d{4}-\d\d-\d\dT/);
    expect(captured.stdout()).toContain('[DCT_DIGEST_MISMATCH]');
  });

  it('pins the root on first use, then uses the pin', async () => {
    const { rows } = await verifyJson(`${http}/demo/app:v1`);
    expect(rows[0]?.dct?.rootPin).toBe('pinned');
  });
});
