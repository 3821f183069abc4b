import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCredentialSource } from '../../src/core/registry/credential-lookup';
import type { LogEvent } from '../../src/core/registry/ports';
import { credentialFilesFromEnv } from '../../src/node/credential-files';
import { createExec } from '../../src/node/exec-file';
import { readTextFile } from '../../src/node/text-file-reader';

let root: string;
let env: Record<string, string>;
let logs: LogEvent[];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'image-trust-cred-'));
  await mkdir(join(root, 'bin'));
  await mkdir(join(root, 'docker'));
  env = { PATH: `${join(root, 'bin')}:/usr/bin:/bin`, DOCKER_CONFIG: join(root, 'docker'), HOME: join(root, 'home') };
  logs = [];
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const b64 = (text: string) => Buffer.from(text).toString('base64');
const dockerConfig = (config: object) => writeFile(join(root, 'docker', 'config.json'), JSON.stringify(config));

function lookup(allowCredentialHelpers = true, helperTimeoutMs = 10_000) {
  const deps = { readFile: readTextFile, exec: createExec(env), log: (e: LogEvent) => logs.push(e) };
  const files = credentialFilesFromEnv(env, env.HOME ?? '');
  return createCredentialSource(deps, { files, allowCredentialHelpers, helperTimeoutMs });
}

/** `docker-credential-test`: records its argument and stdin, then answers per `script`. */
async function helper(name: string, script: string) {
  const path = join(root, 'bin', `docker-credential-${name}`);
  await writeFile(path, `#!/bin/sh\nprintf '%s' "$1" > "${root}/args"\ncat > "${root}/stdin"\n${script}\n`);
  await chmod(path, 0o755);
}

describe('credential lookup from docker config.json', () => {
  it('decodes `auth` as user:password and says where it came from', async () => {
    await dockerConfig({ auths: { 'reg.test:5000': { auth: b64('alice:pa:ss') } } });
    expect(await lookup()('reg.test:5000')).toEqual({
      kind: 'basic',
      username: 'alice',
      password: 'pa:ss',
      source: `auths in ${join(root, 'docker', 'config.json')}`,
    });
  });

  it("finds Docker Hub's credential under https://index.docker.io/v1/", async () => {
    await dockerConfig({ auths: { 'https://index.docker.io/v1/': { auth: b64('hub:pw') } } });
    expect(await lookup()('docker.io')).toMatchObject({ username: 'hub' });
  });

  it('matches keys written as URLs with a scheme and path', async () => {
    await dockerConfig({ auths: { 'https://reg.test/v2/': { username: 'u', password: 'p' } } });
    expect(await lookup()('reg.test')).toMatchObject({ username: 'u', password: 'p' });
  });

  it('prefers an identitytoken', async () => {
    await dockerConfig({ auths: { 'reg.test': { auth: b64('u:'), identitytoken: 'refresh' } } });
    expect(await lookup()('reg.test')).toEqual({
      kind: 'identity-token',
      token: 'refresh',
      username: 'u',
      source: `auths in ${join(root, 'docker', 'config.json')}`,
    });
  });

  it('yields nothing for another registry or without a config file', async () => {
    expect(await lookup()('reg.test')).toBeUndefined();
    await dockerConfig({ auths: { 'other.test': { auth: b64('u:p') } } });
    expect(await lookup()('reg.test')).toBeUndefined();
  });

  it('fails with CREDENTIAL_CONFIG_INVALID on a file that is not JSON, without quoting it anywhere', async () => {
    await writeFile(join(root, 'docker', 'config.json'), '{"auths": {"reg.test": {"auth": "s3cr3t-value"}} oops');
    const error = await lookup()('reg.test').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CREDENTIAL_CONFIG_INVALID' });
    const cause = (error as Error).cause;
    expect(`${String(error)} ${(error as Error).stack} ${String(cause)}`).not.toContain('s3cr3t');
  });

  it('fails with CREDENTIAL_CONFIG_INVALID on a broken file, without quoting it', async () => {
    await writeFile(join(root, 'docker', 'config.json'), '{"auths": {"reg.test": {"auth": "s3cr3t-not-base64!!"}}}');
    const error = await lookup()('reg.test').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CREDENTIAL_CONFIG_INVALID' });
    expect(String(error)).not.toContain('s3cr3t');
  });
});

describe('credential lookup from podman auth.json', () => {
  it('reads REGISTRY_AUTH_FILE', async () => {
    env.REGISTRY_AUTH_FILE = join(root, 'auth.json');
    await writeFile(env.REGISTRY_AUTH_FILE, JSON.stringify({ auths: { 'reg.test': { auth: b64('p:q') } } }));
    expect(await lookup()('reg.test')).toMatchObject({ username: 'p', source: `auths in ${join(root, 'auth.json')}` });
  });

  it('reads $XDG_RUNTIME_DIR/containers/auth.json when docker has nothing', async () => {
    env.XDG_RUNTIME_DIR = join(root, 'run');
    await mkdir(join(root, 'run', 'containers'), { recursive: true });
    await writeFile(
      join(root, 'run', 'containers', 'auth.json'),
      JSON.stringify({ auths: { 'reg.test': { auth: b64('x:y') } } }),
    );
    await dockerConfig({ auths: {} });
    expect(await lookup()('reg.test')).toMatchObject({ username: 'x' });
  });
});

describe('credential helpers', () => {
  it('runs credHelpers[registry] with `get` and the server URL on stdin, without a newline', async () => {
    await helper('test', `echo '{"ServerURL":"reg.test:5000","Username":"alice","Secret":"s3cret"}'`);
    await dockerConfig({ credHelpers: { 'reg.test:5000': 'test' } });
    expect(await lookup()('reg.test:5000')).toEqual({
      kind: 'basic',
      username: 'alice',
      password: 's3cret',
      source: `docker-credential-test (credHelpers in ${join(root, 'docker', 'config.json')})`,
    });
    expect(await readFile(join(root, 'args'), 'utf8')).toBe('get');
    expect(await readFile(join(root, 'stdin'), 'utf8')).toBe('reg.test:5000');
  });

  it("asks credsStore about Docker Hub by docker's key", async () => {
    await helper('store', `echo '{"Username":"<token>","Secret":"refresh"}'`);
    await dockerConfig({ credsStore: 'store', auths: { 'https://index.docker.io/v1/': {} } });
    expect(await lookup()('docker.io')).toEqual({
      kind: 'identity-token',
      token: 'refresh',
      source: `docker-credential-store (credsStore in ${join(root, 'docker', 'config.json')})`,
    });
    expect(await readFile(join(root, 'stdin'), 'utf8')).toBe('https://index.docker.io/v1/');
  });

  it.each([
    ['"credentials not found in native keychain"', `echo 'credentials not found in native keychain'; exit 1`],
    ['an empty answer (pass 0.6.4)', `echo '{"ServerURL":"x","Username":"","Secret":""}'`],
  ])('reads %s as no credential', async (_name, script) => {
    await helper('test', script);
    await dockerConfig({ credHelpers: { 'reg.test': 'test' } });
    expect(await lookup()('reg.test')).toBeUndefined();
  });

  it('fails with CREDENTIAL_HELPER_FAILED naming the helper, never its output', async () => {
    await helper('test', `echo 'partial-secret-output'; echo 'gpg: decryption failed' >&2; exit 3`);
    await dockerConfig({ credHelpers: { 'reg.test': 'test' } });
    const error = await lookup()('reg.test').catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'CREDENTIAL_HELPER_FAILED',
      details: { credentialSource: expect.stringContaining('docker-credential-test') as unknown },
    });
    expect(String(error)).toContain('docker-credential-test');
    expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain('partial-secret-output');
  });

  it('fails with CREDENTIAL_HELPER_FAILED when the helper hangs past its timeout', async () => {
    await helper('test', 'exec sleep 30');
    await dockerConfig({ credHelpers: { 'reg.test': 'test' } });
    await expect(lookup(true, 300)('reg.test')).rejects.toMatchObject({ code: 'CREDENTIAL_HELPER_FAILED' });
  });

  it("passes the caller's abort on as it is", async () => {
    await helper('test', 'exec sleep 30');
    await dockerConfig({ credHelpers: { 'reg.test': 'test' } });
    const controller = new AbortController();
    const pending = lookup()('reg.test', controller.signal);
    setTimeout(() => controller.abort(new Error('stop')), 100);
    await expect(pending).rejects.toThrow('stop');
  });

  it('fails with CREDENTIAL_HELPER_NOT_FOUND when the helper is not on PATH', async () => {
    await dockerConfig({ credHelpers: { 'reg.test': 'missing' } });
    await expect(lookup()('reg.test')).rejects.toMatchObject({ code: 'CREDENTIAL_HELPER_NOT_FOUND' });
  });

  it('refuses a helper name that is a path', async () => {
    await dockerConfig({ credHelpers: { 'reg.test': '../../bin/sh' } });
    await expect(lookup()('reg.test')).rejects.toMatchObject({ code: 'CREDENTIAL_CONFIG_INVALID' });
  });

  it('runs nothing when helpers are not allowed, and says so in the log', async () => {
    await helper('test', `echo '{"Username":"alice","Secret":"s3cret"}'`);
    await dockerConfig({ credHelpers: { 'reg.test': 'test' } });
    expect(await lookup(false)('reg.test')).toBeUndefined();
    await expect(readFile(join(root, 'args'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(logs).toEqual([expect.objectContaining({ level: 'warn', registry: 'reg.test' })]);
  });
});
