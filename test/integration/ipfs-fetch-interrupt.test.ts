import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FetchReport } from '../../src/cli/fetch-report';
import { blobFiles } from '../core/ipfs/layout-dir';
import { startFaultProxy, type FaultProxy } from '../rig/fault-proxy';
import { injectRig } from '../rig/inject-rig';
import { buildCli } from './ipfs-fetch-child';
import { fetchCli, tempWork } from './ipfs-fetch-support';
import { pushLargeImage } from './registry-large-push';

const rig = injectRig();
let work: Awaited<ReturnType<typeof tempWork>>;
let proxy: FaultProxy;
let image: Awaited<ReturnType<typeof pushLargeImage>>;

// A one-layer image in the rig's real registry, fetched through a proxy that sends half the layer and then
// stalls: the CLI, built as users run it, is in the middle of writing the layer when it is signalled.
beforeAll(async () => {
  work = await tempWork();
  await buildCli(work.dir);
  image = await pushLargeImage(rig.registries.http.url, 'interrupt/layer', 4 * 1024 * 1024);
  proxy = await startFaultProxy({ upstream: rig.registries.http.url });
}, 120_000);
afterEach(() => proxy.clearFaults());
afterAll(async () => {
  await proxy?.stop();
  await work?.remove();
});

const partials = async (out: string) => (await blobFiles(out).catch(() => [])).filter((f) => f.includes('.partial-'));

/** `image-trust fetch` of the image in its own process, once the layer's temp file has bytes in it. */
async function fetchUntilMidLayer(out: string) {
  proxy.addFault({
    match: { method: 'GET', path: new RegExp(`/blobs/${image.layer.digest}$`) },
    fault: { kind: 'stall', phase: 'body' },
  });
  const reference = image.reference.replace(rig.registries.http.host, proxy.host);
  const env = { HOME: work.dir, XDG_CACHE_HOME: join(work.dir, 'cache'), PATH: process.env.PATH };
  const child = spawn(
    process.execPath,
    [join(work.dir, 'dist', 'cli.js'), 'fetch', reference, '--output', out, '--format', 'json'],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  for (let polls = 0; !(await holdsBytes(out)); polls++) {
    if (polls > 400 || child.exitCode !== null)
      throw new Error(`the fetch never got mid-layer (exit ${child.exitCode})`);
    await sleep(50);
  }
  return { child, exited, stdout: () => stdout };
}

async function holdsBytes(out: string): Promise<boolean> {
  const [partial] = await partials(out);
  return partial !== undefined && (await stat(join(out, 'blobs', partial)).catch(() => undefined))?.size !== 0;
}

describe('image-trust fetch › when stopped mid-layer', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'on %s discards the layer being written, reports FETCH_INTERRUPTED and exits %i',
    async (signal, status) => {
      const out = join(work.dir, `layout-${signal}`);
      const run = await fetchUntilMidLayer(out);
      run.child.kill(signal);
      expect(await run.exited).toEqual([status, null]);
      expect(JSON.parse(run.stdout()) as FetchReport).toMatchObject({ code: 'FETCH_INTERRUPTED' });
      expect(await partials(out)).toEqual([]);
      expect(await blobFiles(out)).not.toContain(image.layer.digest.replace(':', '/'));
    },
  );

  it('on SIGKILL leaves the temp file, which the next fetch into the layout removes', async () => {
    const out = join(work.dir, 'layout-SIGKILL');
    const run = await fetchUntilMidLayer(out);
    run.child.kill('SIGKILL');
    await run.exited;
    const left = await partials(out);
    expect(left).toHaveLength(1);
    proxy.clearFaults();
    const again = await fetchCli(work.dir, image.reference, '--output', out);
    expect(again.status).toBe(0);
    expect(await partials(out)).toEqual([]);
    expect(await blobFiles(out)).toContain(image.layer.digest.replace(':', '/'));
  });
});
