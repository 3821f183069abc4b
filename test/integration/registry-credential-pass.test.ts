import { execFile } from 'node:child_process';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { injectRig } from '../rig/inject-rig';
import { RIG_USERS } from '../rig/rig-users';
import { pushedImage, resolveHome, type ResolveHome } from './registry-resolve-cli';

const run = promisify(execFile);

/**
 * Debian's real `docker-credential-pass` (golang-docker-credential-helpers) over a real `pass` store encrypted
 * with a throw-away GnuPG key: the helper protocol end to end, as on a developer's machine.
 */
describe('image-trust resolve › with docker-credential-pass (credHelpers) against the real registry', () => {
  const rig = injectRig();
  const registry = rig.registries.basic;
  const image = pushedImage(rig, 'basic', 'multi');
  const bob = RIG_USERS.find((user) => user.username === 'bob');
  let home: ResolveHome | undefined;
  afterEach(async () => {
    if (home) await run('gpgconf', ['--kill', 'gpg-agent'], { env: home.env }).catch(() => undefined);
    await home?.remove();
    home = undefined;
  });

  /** A HOME whose config sends the basic registry to `pass`, a GnuPG key, an initialised store and `stored` in it. */
  async function passHome(stored?: { username: string; secret: string }): Promise<ResolveHome> {
    const config = JSON.stringify({ credHelpers: { [registry.host]: 'pass' } });
    const created = await resolveHome(rig, { 'docker/config.json': config });
    Object.assign(created.env, {
      GNUPGHOME: join(created.root, 'gnupg'),
      PASSWORD_STORE_DIR: join(created.root, 'password-store'),
    });
    await mkdir(created.env.GNUPGHOME as string);
    await chmod(created.env.GNUPGHOME as string, 0o700);
    const env = created.env;
    const uid = 'image-trust test <test@127.0.0.1>';
    await run('gpg', ['--batch', '--passphrase', '', '--quick-gen-key', uid, 'default', 'default', 'never'], { env });
    await run('pass', ['init', uid], { env });
    if (stored) {
      const body = JSON.stringify({ ServerURL: registry.host, Username: stored.username, Secret: stored.secret });
      const store = run('docker-credential-pass', ['store'], { env });
      store.child.stdin?.end(body);
      await store;
    }
    return created;
  }

  it('reads the stored credential through the helper and resolves', async () => {
    home = await passHome({ username: 'bob', secret: bob?.password ?? '' });
    const { status, rows } = await home.resolve(image.reference);
    expect(status).toBe(0);
    expect(rows[0]).toMatchObject({ digest: image.digest, error: null });
  });

  it('fails with AUTH_DENIED on a wrong stored secret, never printing it', async () => {
    home = await passHome({ username: 'bob', secret: 'pass-wrong-6b1d' });
    const { status, rows, output } = await home.resolve(image.reference);
    expect(status).toBe(3);
    expect(rows[0]).toMatchObject({ digest: null, code: 'AUTH_DENIED' });
    expect(output).not.toContain('pass-wrong-6b1d');
  });

  it('treats "credentials not found" as no credential: the registry then asks for one (AUTH_REQUIRED)', async () => {
    home = await passHome();
    const { status, rows } = await home.resolve(image.reference);
    expect(status).toBe(3);
    expect(rows[0]).toMatchObject({ digest: null, code: 'AUTH_REQUIRED' });
  });
});
