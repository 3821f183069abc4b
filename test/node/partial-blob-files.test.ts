import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeHash } from '../../src/node/ipfs/node-hash';
import { createOciLayoutStore } from '../../src/node/oci-layout-store';
import { useTempLayouts } from '../core/ipfs/layout-dir';

const HEX = 'ab'.repeat(32);
const RAND = '0123456789ab';
const withPid = (pid: number) => `.partial-sha256-${HEX}-${pid}-${RAND}`;
const withoutPid = `.partial-sha256-${HEX}-${RAND}`;
const HOUR = 60 * 60 * 1000;

const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** A real process that runs until the test ends. */
function liveProcess(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  children.push(child);
  return child.pid as number;
}

/** The pid of a real process that has exited (and been reaped). */
async function exitedProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(child, 'exit');
  return child.pid as number;
}

async function partials(dir: string): Promise<string[]> {
  return (await readdir(join(dir, 'blobs'))).filter((name) => name.startsWith('.partial-')).sort();
}

async function touch(path: string, ageMs = 0): Promise<void> {
  await writeFile(path, 'half a layer');
  const then = new Date(Date.now() - ageMs);
  await utimes(path, then, then);
}

describe('blob temp files › when a fetch opens a layout', () => {
  const layout = useTempLayouts();

  it('names its own temp files with its pid', async () => {
    const { dir, store } = await layout();
    const file = await store.openBlob(`sha256:${HEX}`);
    expect(await partials(dir)).toEqual([
      expect.stringMatching(new RegExp(`^\\.partial-sha256-${HEX}-${process.pid}-`)),
    ]);
    await file.discard();
  });

  it('removes those whose writer has exited, and keeps those of running fetches (this process and another)', async () => {
    const { dir } = await layout();
    const [dead, other] = [await exitedProcess(), liveProcess()];
    for (const pid of [dead, other, process.pid]) await touch(join(dir, 'blobs', withPid(pid)), 2 * HOUR);
    await writeFile(join(dir, 'blobs', 'kept'), 'not a temp file');
    await createOciLayoutStore(dir, createNodeHash);
    expect(await partials(dir)).toEqual([withPid(other), withPid(process.pid)].sort());
    expect(await readdir(join(dir, 'blobs'))).toContain('kept');
  });

  it("writes index.json through such a temp file beside it, so a killed writer's is swept the same way", async () => {
    const { dir, store } = await layout();
    const abandoned = `.partial-index.json-${await exitedProcess()}-${RAND}`;
    await touch(join(dir, abandoned));
    const descriptor = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${HEX}`, size: 2 };
    await store.writeIndex([descriptor]);
    expect(JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')).manifests).toEqual([descriptor]);
    // The layout may be any folder: a user's own file that merely starts with .partial- stays, however old.
    await touch(join(dir, '.partial-notes.txt'), 2 * HOUR);
    const topLevel = async () => (await readdir(dir)).filter((name) => name.startsWith('.partial-')).sort();
    expect(await topLevel()).toEqual([abandoned, '.partial-notes.txt'].sort());
    await createOciLayoutStore(dir, createNodeHash);
    expect(await topLevel()).toEqual(['.partial-notes.txt']);
  });

  it('removes a name without a pid (older versions) only once it is more than an hour old', async () => {
    const { dir } = await layout();
    const recent = withoutPid.replace(RAND, 'ba9876543210');
    await touch(join(dir, 'blobs', withoutPid), HOUR + 60_000);
    await touch(join(dir, 'blobs', recent), HOUR - 60_000);
    await createOciLayoutStore(dir, createNodeHash);
    expect(await partials(dir)).toEqual([recent]);
  });

  it('says IPFS_WRITE_FAILED when an abandoned temp file cannot be removed', async () => {
    const { dir } = await layout();
    const stuck = join(dir, 'blobs', withPid(await exitedProcess()));
    await mkdir(stuck);
    const run = createOciLayoutStore(dir, createNodeHash);
    await expect(run).rejects.toMatchObject({ code: 'IPFS_WRITE_FAILED' });
    expect(await partials(dir)).toEqual([basename(stuck)]);
  });
});
