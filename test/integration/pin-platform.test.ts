import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { injectRig } from '../rig/inject-rig';
import { captureIo } from '../support/capture-io';
import { makeTempTree } from '../support/temp-dir';

describe('image-trust pin --update › when an existing pin is a single-platform manifest', () => {
  const rig = injectRig();
  const host = rig.registries.http.host;
  const pushed = (tag: string) => {
    const image = rig.pushed.find((p) => p.registry === 'http' && p.repo === 'demo/app' && p.tag === tag);
    if (!image) throw new Error(`no demo/app:${tag} on the http registry`);
    return image;
  };
  const child = (tag: string, architecture: string) => {
    const found = pushed(tag).platforms.find((p) => p.platform.architecture === architecture);
    if (!found) throw new Error(`demo/app:${tag} has no ${architecture} child`);
    return found.digest;
  };
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanup.map((step) => step()));
    cleanup = [];
  });

  async function pinDockerfile(text: string, ...args: string[]) {
    const tree = await makeTempTree({ Dockerfile: text });
    cleanup.push(tree.remove);
    const env = { HOME: tree.root, XDG_CACHE_HOME: join(tree.root, '.cache'), DOCKER_CONFIG: join(tree.root, '.d') };
    const captured = captureIo(tree.root, env);
    const status = await runCli(['pin', '--no-cache', ...args], captured.io);
    return { status, stdout: captured.stdout(), after: await readFile(join(tree.root, 'Dockerfile'), 'utf8') };
  }

  it("re-pins a tag that became an index to the index's child for the same platform, and says so", async () => {
    // v2 is linux/amd64 and not a child of multi: the tag "moved" to an index.
    const { status, stdout, after } = await pinDockerfile(
      `FROM ${host}/demo/app:multi@${pushed('v2').digest}\n`,
      '--update',
    );
    expect(status).toBe(0);
    expect(after).toBe(`FROM ${host}/demo/app:multi@${child('multi', 'amd64')}\n`);
    expect(stdout).toContain('kept single-platform linux/amd64');
  });

  it('reads the platform from a Docker-media-type config too', async () => {
    const { status, after } = await pinDockerfile(
      `FROM ${host}/demo/app:multi@${pushed('v1-docker').digest}\n`,
      '--update',
    );
    expect(status).toBe(0);
    expect(after).toBe(`FROM ${host}/demo/app:multi@${child('multi', 'amd64')}\n`);
  });

  it('keeps a pin that is one of the index children and says it is single-platform', async () => {
    const original = `FROM ${host}/demo/app:multi@${child('multi', 'arm64')}\n`;
    const { status, stdout, after } = await pinDockerfile(original, '--update');
    expect(status).toBe(0);
    expect(after).toBe(original);
    expect(stdout).toContain('single-platform linux/arm64/v8');
  });

  it('pins nothing and exits 3 with PIN_PLATFORM_GONE when the index lacks the platform', async () => {
    const original = `FROM ${host}/demo/app:multi@${pushed('v1-armv7').digest}\n`;
    const { status, stdout, after } = await pinDockerfile(original, '--update');
    expect(status).toBe(3);
    expect(stdout).toContain('PIN_PLATFORM_GONE');
    expect(after).toBe(original);
  });

  it('pins the index when the old pin was an index', async () => {
    const { status, after } = await pinDockerfile(
      `FROM ${host}/demo/app:multi@${pushed('multi-docker').digest}\n`,
      '--update',
    );
    expect(status).toBe(0);
    expect(after).toBe(`FROM ${host}/demo/app:multi@${pushed('multi').digest}\n`);
  });
});

describe('image-trust pin › a literal --platform the index lacks', () => {
  const rig = injectRig();
  const host = rig.registries.http.host;

  it('pins nothing and exits 3 with PLATFORM_NOT_FOUND', async () => {
    const original = `FROM --platform=linux/s390x ${host}/demo/app:multi\n`;
    const tree = await makeTempTree({ Dockerfile: original });
    try {
      const captured = captureIo(tree.root, { HOME: tree.root, DOCKER_CONFIG: join(tree.root, '.d') });
      const status = await runCli(['pin', '--no-cache'], captured.io);
      expect(status).toBe(3);
      expect(captured.stdout()).toContain('PLATFORM_NOT_FOUND');
      expect(await readFile(join(tree.root, 'Dockerfile'), 'utf8')).toBe(original);
    } finally {
      await tree.remove();
    }
  });
});
