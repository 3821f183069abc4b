import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { TufRepo } from '../node/sigstore-root-repo';
import { captureIo } from '../support/capture-io';

let repo: TufRepo;
let home: string;
const cacheFile = () => join(home, 'cache', 'image-trust', 'sigstore', 'trusted_root.json');
const shipped = readFileSync('assets/sigstore/public-good-trusted-root.json');

async function trustRoot(...args: string[]) {
  const captured = captureIo(home, { HOME: home, XDG_CACHE_HOME: join(home, 'cache') });
  const status = await runCli(['trust-root', ...args], captured.io);
  return { status, stdout: captured.stdout(), stderr: captured.stderr() };
}

beforeEach(async () => {
  repo = await TufRepo.start();
  home = mkdtempSync(join(tmpdir(), 'trust-root-cli-'));
  writeFileSync(join(home, 'tuf-root.json'), repo.initialRoot);
});
afterEach(async () => {
  await repo.close();
  rmSync(home, { recursive: true, force: true });
});

describe('image-trust trust-root update', () => {
  it('stores the verified target and reports the TUF versions as JSON; status then names the cached root', async () => {
    repo.publish({ target: shipped, version: 4 });
    const update = await trustRoot(
      'update',
      '--tuf-mirror',
      repo.origin,
      '--tuf-root',
      'tuf-root.json',
      '--format',
      'json',
    );
    expect(update.status).toBe(0);
    expect(JSON.parse(update.stdout)).toMatchObject({
      updated: true,
      mirror: repo.origin,
      targetsVersion: 4,
      path: cacheFile(),
    });
    expect(readFileSync(cacheFile())).toEqual(shipped);
    const status = await trustRoot('status', '--format', 'json');
    expect(JSON.parse(status.stdout)).toEqual({ source: 'cache', path: cacheFile(), warning: null });
  });

  it('exits 3 with TRUST_ROOT_UPDATE_FAILED naming the mirror when it cannot be reached', async () => {
    const mirror = repo.origin;
    await repo.close();
    const text = await trustRoot('update', '--tuf-mirror', mirror, '--tuf-root', 'tuf-root.json');
    expect(text.status).toBe(3);
    expect(text.stderr).toContain('TRUST_ROOT_UPDATE_FAILED');
    expect(text.stderr).toContain(mirror);
    expect(text.stderr).toContain('because:');
    const json = await trustRoot('update', '--tuf-mirror', mirror, '--tuf-root', 'tuf-root.json', '--format', 'json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      updated: false,
      error: { code: 'TRUST_ROOT_UPDATE_FAILED', mirror },
    });
    repo = await TufRepo.start();
  });

  it('exits 3 with TRUST_ROOT_INVALID when --tuf-root is not a TUF root, and stores nothing', async () => {
    repo.publish({ target: shipped, version: 1 });
    writeFileSync(join(home, 'not-a-root.json'), '{"signed": {}}');
    const text = await trustRoot('update', '--tuf-mirror', repo.origin, '--tuf-root', 'not-a-root.json');
    expect(text.status).toBe(3);
    expect(text.stderr).toContain('TRUST_ROOT_INVALID');
    expect(existsSync(cacheFile())).toBe(false);
  });

  it('exits 2 on a mirror that is no URL or holds credentials, an unreadable --tuf-root or a missing sub-command', async () => {
    expect((await trustRoot('update', '--tuf-mirror', 'tuf-repo-cdn.sigstore.dev')).status).toBe(2);
    const withCredentials = await trustRoot('update', '--tuf-mirror', 'http://user:secret@127.0.0.1:1');
    expect(withCredentials).toMatchObject({ status: 2, stdout: '' });
    expect(withCredentials.stderr).not.toContain('secret');
    expect((await trustRoot('update', '--tuf-root', 'absent.json')).status).toBe(2);
    expect((await trustRoot()).status).toBe(2);
  });
});

describe('image-trust trust-root status', () => {
  it('names the shipped root when nothing was updated', async () => {
    const status = await trustRoot('status', '--format', 'json');
    expect(JSON.parse(status.stdout)).toEqual({ source: 'shipped', path: null, warning: null });
  });

  it('reports a corrupt cached root with TRUST_ROOT_CACHE_CORRUPT and falls back to the shipped one', async () => {
    mkdirSync(join(home, 'cache', 'image-trust', 'sigstore'), { recursive: true });
    writeFileSync(cacheFile(), '{"mediaType": "application/vnd.dev.sigstore.trustedroot+json;version=0.1", "tlogs": [');
    const text = await trustRoot('status');
    expect(text.stderr).toContain('TRUST_ROOT_CACHE_CORRUPT');
    const json = JSON.parse((await trustRoot('status', '--format', 'json')).stdout) as {
      source: string;
      warning: { code: string };
    };
    expect(json).toMatchObject({ source: 'shipped', warning: { code: 'TRUST_ROOT_CACHE_CORRUPT' } });
  });
});
