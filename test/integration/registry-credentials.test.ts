import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { injectRig } from '../rig/inject-rig';
import { rigRefreshToken } from '../rig/token-endpoint';
import { authsConfig, basicAuth, pushedImage, resolveHome, type ResolveHome } from './registry-resolve-cli';

describe('image-trust resolve › credentials against the real registry', () => {
  const rig = injectRig();
  const token = rig.registries.token;
  const image = pushedImage(rig, 'token', 'multi');
  let home: ResolveHome | undefined;
  afterEach(async () => {
    await home?.remove();
    home = undefined;
  });

  /** `docker-credential-<name>` in the HOME's bin/, on PATH: it logs its stdin and runs `answer`. */
  async function withHelper(name: string, answer: string): Promise<ResolveHome> {
    const config = JSON.stringify({ credHelpers: { [token.host]: name } });
    const created = await resolveHome(rig, { 'docker/config.json': config });
    const bin = join(created.root, 'bin');
    const script = join(bin, `docker-credential-${name}`);
    await mkdir(bin);
    await writeFile(script, `#!/bin/sh\n[ "$1" = get ] || exit 9\ncat > "${join(created.root, 'stdin')}"\n${answer}\n`);
    await chmod(script, 0o755);
    created.env.PATH = `${bin}:${created.env.PATH ?? ''}`;
    return created;
  }

  describe('with a wrong password in config.json', () => {
    it.each(['token', 'basic'] as const)(
      'on the %s registry: fails with AUTH_DENIED naming the registry and the file, never the password',
      async (kind) => {
        const registry = rig.registries[kind];
        const config = authsConfig(registry.host, basicAuth('bob', 'wrong-pass-7f3a'));
        home = await resolveHome(rig, { 'docker/config.json': config });
        const { status, rows, output } = await home.resolve(pushedImage(rig, kind, 'multi').reference);
        expect(status).toBe(3);
        expect(rows[0]).toMatchObject({ digest: null, code: 'AUTH_DENIED' });
        expect(rows[0]?.error).toContain(registry.host);
        expect(rows[0]?.error).toContain(join(home.root, 'docker', 'config.json'));
        expect(output).not.toContain('wrong-pass-7f3a');
        expect(output).not.toContain(basicAuth('bob', 'wrong-pass-7f3a').auth);
      },
    );
  });

  describe('through a credential helper in credHelpers', () => {
    it('gets the credential with the real protocol (host:port on stdin, no newline) and resolves', async () => {
      home = await withHelper('rigtest', `echo '{"ServerURL":"x","Username":"bob","Secret":"hunter2"}'`);
      const { status, rows } = await home.resolve(image.reference);
      expect(status).toBe(0);
      expect(rows[0]).toMatchObject({ digest: image.digest, error: null });
      expect(await readFile(join(home.root, 'stdin'), 'utf8')).toBe(token.host);
    });

    it('fails with CREDENTIAL_HELPER_FAILED naming the helper when it fails, never what it printed', async () => {
      home = await withHelper('rigfail', `echo 'leaked-secret-91c2'; echo 'leaked-secret-91c2' >&2; exit 4`);
      const { status, rows, output } = await home.resolve(image.reference);
      expect(status).toBe(3);
      expect(rows[0]).toMatchObject({ digest: null, code: 'CREDENTIAL_HELPER_FAILED' });
      expect(rows[0]?.error).toContain('docker-credential-rigfail');
      expect(output).not.toContain('leaked-secret-91c2');
    });
  });

  describe('with an identitytoken (OAuth2 refresh token) in config.json', () => {
    it('trades it at the token server for an access token and resolves', async () => {
      const config = authsConfig(token.host, { identitytoken: rigRefreshToken('bob') });
      home = await resolveHome(rig, { 'docker/config.json': config });
      const { status, rows } = await home.resolve(image.reference);
      expect(status).toBe(0);
      expect(rows[0]).toMatchObject({ digest: image.digest, error: null });
    });

    it('fails with AUTH_DENIED when the token server refuses it, never showing the token', async () => {
      const config = authsConfig(token.host, { identitytoken: 'rig-refresh:mallory-4d1e' });
      home = await resolveHome(rig, { 'docker/config.json': config });
      const { status, rows, output } = await home.resolve(image.reference);
      expect(status).toBe(3);
      expect(rows[0]).toMatchObject({ digest: null, code: 'AUTH_DENIED' });
      expect(output).not.toContain('mallory-4d1e');
    });
  });
});
