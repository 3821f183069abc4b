import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { startFaultProxy, type FaultProxy } from '../rig/fault-proxy';
import { injectRig } from '../rig/inject-rig';
import { captureIo } from '../support/capture-io';
import { makeTempTree } from '../support/temp-dir';

describe('image-trust pin against the real registry', () => {
  const rig = injectRig();
  const host = rig.registries.http.host;
  const digestOf = (tag: string) => {
    const image = rig.pushed.find((p) => p.registry === 'http' && p.repo === 'demo/app' && p.tag === tag);
    if (!image) throw new Error(`no demo/app:${tag} on the http registry`);
    return image.digest;
  };
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanup.map((step) => step()));
    cleanup = [];
  });

  async function workspace(files: Record<string, string>) {
    const tree = await makeTempTree(files);
    cleanup.push(tree.remove);
    const env = {
      HOME: tree.root,
      XDG_CACHE_HOME: join(tree.root, '.cache'),
      DOCKER_CONFIG: join(tree.root, '.docker'),
    };
    const pin = async (...args: string[]) => {
      const captured = captureIo(tree.root, env);
      const status = await runCli(['pin', '--no-cache', ...args], captured.io);
      return { status, stdout: captured.stdout(), stderr: captured.stderr() };
    };
    const read = (path: string) => readFile(join(tree.root, path), 'utf8');
    return { root: tree.root, pin, read };
  }

  it('appends the digest, keeps the tag, compose quotes and comments, and leaves every other byte alone', async () => {
    const ws = await workspace({
      Dockerfile: `# build\nFROM ${host}/demo/app:v1 AS base\nRUN echo hi\n`,
      'compose.yaml': `services:\n  web:\n    image: "${host}/demo/app:multi" # the web tier\n`,
    });
    const { status } = await ws.pin();
    expect(status).toBe(0);
    expect(await ws.read('Dockerfile')).toBe(
      `# build\nFROM ${host}/demo/app:v1@${digestOf('v1')} AS base\nRUN echo hi\n`,
    );
    expect(await ws.read('compose.yaml')).toBe(
      `services:\n  web:\n    image: "${host}/demo/app:multi@${digestOf('multi')}" # the web tier\n`,
    );
  });

  it('pins a reference held whole by one ARG at its default, and refuses an ARG that two references share', async () => {
    const ws = await workspace({
      'single/Dockerfile': `ARG BASE=${host}/demo/app:v1\nFROM \${BASE}\n`,
      'shared/Dockerfile': `ARG BASE=${host}/demo/app:v1\nFROM \${BASE} AS a\nFROM \${BASE} AS b\n`,
    });
    const { status, stdout } = await ws.pin();
    expect(status).toBe(0);
    expect(await ws.read('single/Dockerfile')).toBe(`ARG BASE=${host}/demo/app:v1@${digestOf('v1')}\nFROM \${BASE}\n`);
    expect(await ws.read('shared/Dockerfile')).toBe(
      `ARG BASE=${host}/demo/app:v1\nFROM \${BASE} AS a\nFROM \${BASE} AS b\n`,
    );
    expect(stdout).toContain('PIN_FROM_VARIABLES');
  });

  it('shows a diff with --dry-run and writes nothing', async () => {
    const original = `FROM ${host}/demo/app:v1\n`;
    const ws = await workspace({ Dockerfile: original });
    const { status, stdout } = await ws.pin('--dry-run');
    expect(status).toBe(0);
    expect(stdout).toContain(`-FROM ${host}/demo/app:v1\n+FROM ${host}/demo/app:v1@${digestOf('v1')}`);
    expect(await ws.read('Dockerfile')).toBe(original);
  });

  it('--check fails on an unpinned reference and on a pin the registry no longer serves, then passes once pinned', async () => {
    const gone = `sha256:${'0'.repeat(64)}`;
    const ws = await workspace({
      'a/Dockerfile': `FROM ${host}/demo/app:v1\n`,
      'b/Dockerfile': `FROM ${host}/demo/app:v1@${gone}\n`,
    });
    const first = await ws.pin('--check');
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/unpinned .*a\/Dockerfile:1:6/);
    expect(first.stdout).toMatch(/pin not served .*REGISTRY_NOT_FOUND/);
    await ws.pin('a');
    expect((await ws.pin('--check', 'a')).status).toBe(0);
  });

  it('--update re-pins a tag that moved, and without it the old pin stays', async () => {
    const stale = `FROM ${host}/demo/app:v1@${digestOf('multi')}\n`;
    const ws = await workspace({ Dockerfile: stale });
    await ws.pin();
    expect(await ws.read('Dockerfile')).toBe(stale);
    await ws.pin('--update');
    expect(await ws.read('Dockerfile')).toBe(`FROM ${host}/demo/app:v1@${digestOf('v1')}\n`);
  });

  describe('when the registry lies about the digest', () => {
    let proxy: FaultProxy;
    afterEach(() => proxy.stop());

    // A header naming another manifest that really exists cannot be told from a tag that moved; what can be caught
    // is a header the bytes do not match, and bytes that do not match the digest they are served under.
    it.each([
      [
        'a digest header the bytes do not match',
        { kind: 'digest-header', digest: `sha256:${'1'.repeat(64)}` } as const,
      ],
      [
        'manifest bytes swapped on the way',
        { kind: 'body', transform: (body: Buffer) => Buffer.concat([body, Buffer.from(' ')]) } as const,
      ],
    ])('with %s: pins nothing and exits 3 with REGISTRY_DIGEST_MISMATCH', async (_, fault) => {
      proxy = await startFaultProxy({ upstream: rig.registries.http.url });
      proxy.addFault({ match: { path: /\/manifests\// }, fault });
      const original = `FROM ${proxy.host}/demo/app:v1\n`;
      const ws = await workspace({ Dockerfile: original });
      const { status, stdout } = await ws.pin();
      expect(status).toBe(3);
      expect(stdout).toContain('REGISTRY_DIGEST_MISMATCH');
      expect(await ws.read('Dockerfile')).toBe(original);
    });
  });
});
