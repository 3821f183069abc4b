import { afterEach, describe, expect, it } from 'vitest';
import { findFreePort } from '../rig/free-port';
import { injectRig } from '../rig/inject-rig';
import { authsConfig, basicAuth, resolveHome, type ResolveHome } from './registry-resolve-cli';

describe('image-trust resolve › when the registry cannot give an answer', () => {
  const rig = injectRig();
  const token = rig.registries.token;
  let home: ResolveHome | undefined;
  afterEach(async () => {
    await home?.remove();
    home = undefined;
  });

  it('fails with REGISTRY_NOT_FOUND for an unknown tag and an unknown repository on the token registry', async () => {
    home = await resolveHome(rig, { 'docker/config.json': authsConfig(token.host, basicAuth('bob', 'hunter2')) });
    const { status, rows, output } = await home.resolve(
      `${token.host}/demo/app:no-such-tag`,
      `${token.host}/demo/no-such-repo:v1`,
    );
    expect(status).toBe(3);
    expect(rows.map((r) => [r.digest, r.code])).toEqual([
      [null, 'REGISTRY_NOT_FOUND'],
      [null, 'REGISTRY_NOT_FOUND'],
    ]);
    expect(output).not.toContain('hunter2');
  });

  it('fails with REGISTRY_NETWORK for a host where nothing listens', async () => {
    home = await resolveHome(rig);
    const port = await findFreePort();
    const { status, rows } = await home.resolve(`127.0.0.1:${port}/demo/app:v1`);
    expect(status).toBe(3);
    expect(rows[0]).toMatchObject({ digest: null, code: 'REGISTRY_NETWORK' });
  });

  it('fails with REGISTRY_TLS for a certificate it does not trust, and never falls back to plain HTTP', async () => {
    home = await resolveHome(rig, {}, { trustRigCa: false });
    const { status, rows } = await home.resolve(`${rig.registries.tls.host}/demo/app:v1`);
    expect(status).toBe(3);
    expect(rows[0]).toMatchObject({ digest: null, code: 'REGISTRY_TLS' });
  });
});
