import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FsBlockstore } from 'blockstore-fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobFiles } from '../core/ipfs/layout-dir';
import { startFaultProxy, type FaultProxy, type FaultRule } from '../rig/fault-proxy';
import { injectRig } from '../rig/inject-rig';
import type { IpfsTestServer } from '../rig/ipfs-gateway';
import { startKuboRpcServer } from '../rig/kubo-rpc-server';
import type { PublishRow } from '../../src/cli/ipfs-publish';
import { runCli } from '../../src/cli/run-cli';
import { captureIo } from '../support/capture-io';
import { buildCli, cliInChild, fetchInChild } from './ipfs-fetch-child';
import { fetchCli, tempWork } from './ipfs-fetch-support';
import { pushLargeImage } from './registry-large-push';

const MIB = 1024 * 1024;
const SIZES = { small: 64 * 1024, large: 150 * MIB };
type Size = keyof typeof SIZES;
const rig = injectRig();
let work: Awaited<ReturnType<typeof tempWork>>;
let proxy: FaultProxy;
let blocks: FsBlockstore;
let kubo: IpfsTestServer;
const images = {} as Record<Size, Awaited<ReturnType<typeof pushLargeImage>>>;

// One-layer images of 64 KiB and 150 MiB pushed to the rig's real registry; no IPFS source is named, so every
// blob comes through the registry fallback. The CLI is built once and runs in its own process for its peak RSS.
beforeAll(async () => {
  work = await tempWork();
  await buildCli(work.dir);
  for (const name of Object.keys(SIZES) as Size[]) {
    images[name] = await pushLargeImage(rig.registries.http.url, `stream/layer-${name}`, SIZES[name]);
  }
  proxy = await startFaultProxy({ upstream: rig.registries.http.url });
  blocks = new FsBlockstore(join(work.dir, 'kubo-blocks'));
  await blocks.open();
  kubo = await startKuboRpcServer(blocks);
}, 300_000);
afterAll(async () => {
  await proxy?.stop();
  await kubo?.close();
  await blocks?.close();
  await work?.remove();
});

async function filesOver(dir: string, bytes: number): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const sizes = await Promise.all(files.map(async (f) => ((await stat(f)).size > bytes ? [f] : [])));
  return sizes.flat();
}

describe('image-trust fetch › a layer only the registry has', () => {
  it('streams 150 MiB from the registry into the layout, verified, in memory far below the layer', async () => {
    const runs = [];
    for (const name of Object.keys(SIZES) as Size[]) {
      const out = join(work.dir, `layout-${name}`);
      const run = await fetchInChild(work.dir, images[name].reference, '--output', out);
      const layer = images[name].layer;
      expect(run.report.blobs.find((b) => b.digest === layer.digest)).toMatchObject({ from: 'registry' });
      expect((await stat(join(out, 'blobs', layer.digest.replace(':', '/')))).size).toBe(SIZES[name]);
      runs.push(run);
    }
    const [small, large] = runs as [(typeof runs)[0], (typeof runs)[0]];
    const rate = SIZES.large / MIB / (large.ms / 1000);
    const peaks = `${(small.maxRss / MIB).toFixed(0)} / ${(large.maxRss / MIB).toFixed(0)} MiB`;
    console.log(
      `registry fallback: ${rate.toFixed(0)} MiB/s with process start; peak RSS ${peaks} for 64 KiB / 150 MiB`,
    );
    // Holding the layer (or caching it) would add 150 MiB at least; streaming adds GC slack, the same at any size.
    expect(large.maxRss - small.maxRss).toBeLessThan(SIZES.large * 0.3);
    expect(large.maxRss).toBeLessThan(SIZES.large);
    // Manifests and configs may be cached; a layer never is.
    expect(await filesOver(join(work.dir, 'cache'), MIB)).toEqual([]);
  }, 240_000);

  it.each([
    ['the embedded node', (name: Size) => ['--ipfs-dir', join(work.dir, `node-${name}`)], SIZES.large * 0.6],
    ['a Kubo daemon', () => ['--ipfs-api', kubo.url], SIZES.large * 0.3],
  ])(
    'publishes 150 MiB from the registry into %s (ipfs add)',
    async (what, flags, growth) => {
      const runs = [];
      for (const name of Object.keys(SIZES) as Size[]) {
        const run = await cliInChild(
          work.dir,
          'ipfs',
          'add',
          '--format',
          'json',
          ...flags(name),
          images[name].reference,
        );
        const [row] = JSON.parse(run.stdout) as PublishRow[];
        const layer = row?.image?.blobs.find((b) => b.sourceDigest === images[name].layer.digest);
        expect(layer).toMatchObject({ digest: images[name].layer.digest, size: SIZES[name] });
        runs.push(run);
      }
      const [small, large] = runs as [(typeof runs)[0], (typeof runs)[0]];
      const peaks = `${(small.maxRss / MIB).toFixed(0)} / ${(large.maxRss / MIB).toFixed(0)} MiB`;
      console.log(`ipfs add from the registry into ${what}: peak RSS ${peaks} for 64 KiB / 150 MiB`);
      expect(large.maxRss - small.maxRss).toBeLessThan(growth);
    },
    240_000,
  );

  describe('when the registry lies about the layer (a fault proxy in front of it)', () => {
    const small = () => images.small;
    const layerPath = () => new RegExp(`/blobs/${small().layer.digest}$`);
    const flipped = (body: Buffer) => Buffer.concat([body.subarray(0, -1), Buffer.from([(body.at(-1) ?? 0) ^ 1])]);

    async function fetchThroughProxy(fault: FaultRule['fault'], ...flags: string[]) {
      proxy.clearFaults();
      proxy.addFault({ match: { method: 'GET', path: layerPath() }, fault });
      const out = join(work.dir, `lie-${fault.kind}`);
      const reference = small().reference.replace(rig.registries.http.host, proxy.host);
      const result = await fetchCli(work.dir, reference, '--output', out, ...flags);
      proxy.clearFaults();
      const layerFile = small().layer.digest.replace(':', '/');
      const written = await blobFiles(out);
      return {
        ...result,
        layerWritten: written.includes(layerFile),
        partial: written.filter((f) => f.includes('partial')),
      };
    }

    it('refuses altered bytes with REGISTRY_DIGEST_MISMATCH and writes no layer nor partial file', async () => {
      const result = await fetchThroughProxy({ kind: 'body', transform: flipped });
      expect(result.status).toBe(3);
      expect(result.report?.code).toBe('REGISTRY_DIGEST_MISMATCH');
      expect(result.layerWritten).toBe(false);
      expect(result.partial).toEqual([]);
    });

    it('publishes nothing to a Kubo daemon and says REGISTRY_DIGEST_MISMATCH (ipfs add)', async () => {
      proxy.addFault({ match: { method: 'GET', path: layerPath() }, fault: { kind: 'body', transform: flipped } });
      const reference = small().reference.replace(rig.registries.http.host, proxy.host);
      const captured = captureIo(work.dir, { HOME: work.dir, XDG_CACHE_HOME: join(work.dir, 'cache') });
      const status = await runCli(['ipfs', 'add', '--format', 'json', '--ipfs-api', kubo.url, reference], captured.io);
      proxy.clearFaults();
      expect(status).toBe(3);
      const [row] = JSON.parse(captured.stdout()) as PublishRow[];
      expect(row).toMatchObject({ image: null, error: { code: 'REGISTRY_DIGEST_MISMATCH' } });
    });

    it('refuses a longer body with REGISTRY_RESPONSE_TOO_LARGE and writes nothing of it', async () => {
      const longer = (body: Buffer) => Buffer.concat([body, Buffer.from('more')]);
      const result = await fetchThroughProxy({ kind: 'body', transform: longer });
      expect(result.report?.code).toBe('REGISTRY_RESPONSE_TOO_LARGE');
      expect(result.layerWritten).toBe(false);
      expect(result.partial).toEqual([]);
    });

    it('gives up on a body that stops part way with REGISTRY_TIMEOUT (--timeout per chunk)', async () => {
      const result = await fetchThroughProxy({ kind: 'stall', phase: 'body' }, '--timeout', '1');
      expect(result.report?.code).toBe('REGISTRY_TIMEOUT');
      expect(result.layerWritten).toBe(false);
      expect(result.partial).toEqual([]);
    });
  });
});
