import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobFiles } from '../core/ipfs/layout-dir';
import { startIpfsGateway, type IpfsTestServer } from '../rig/ipfs-gateway';
import { resetFaults } from '../rig/ipfs-gateway-faults';
import { startKuboRpcServer } from '../rig/kubo-rpc-server';
import { buildCli, fetchInChild } from './ipfs-fetch-child';
import { publishLargeImage } from './ipfs-fetch-large-image';
import { fetchCli, tempWork } from './ipfs-fetch-support';

const MIB = 1024 * 1024;
const SIZES = { small: 64 * 1024, large: 100 * MIB, double: 200 * MIB };
type Size = keyof typeof SIZES;
type Servers = Record<'gateway' | 'kubo' | 'noCar', IpfsTestServer>;
let work: Awaited<ReturnType<typeof tempWork>>;
const images = {} as Record<Size, Awaited<ReturnType<typeof publishLargeImage>>>;
const servers = {} as Record<Size, Servers>;

// The same one-layer image at 64 KiB, 100 MiB and 200 MiB, each behind a CAR gateway, a Kubo RPC server and a
// gateway that serves raw blocks only; the CLI is built once and run in its own process, so its peak RSS is its own.
beforeAll(async () => {
  work = await tempWork();
  await buildCli(work.dir);
  for (const name of Object.keys(SIZES) as Size[]) {
    const image = await publishLargeImage(work.dir, SIZES[name]);
    images[name] = image;
    servers[name] = {
      gateway: await startIpfsGateway(image.store),
      kubo: await startKuboRpcServer(image.store),
      noCar: await startIpfsGateway(image.store, { tamper: new Set(), refuseCar: true }),
    };
  }
}, 300_000);
afterAll(async () => {
  await Promise.all(Object.values(servers).flatMap((s) => Object.values(s).map((server) => server.close())));
  await Promise.all(Object.values(images).map((image) => image.close()));
  await work?.remove();
});

const BACKENDS: [string, (s: Servers) => string[]][] = [
  ['a trustless gateway (CAR)', (s) => ['--ipfs-gateway', s.gateway.url]],
  ['the Kubo RPC API (dag/export)', (s) => ['--ipfs-api', s.kubo.url]],
  ['a gateway without CARs (raw blocks, 16 ahead)', (s) => ['--ipfs-gateway', s.noCar.url]],
];

async function fetchSize(name: Size, what: string, flags: (s: Servers) => string[]) {
  const out = join(work.dir, `${name}-${what.length}`);
  const run = await fetchInChild(work.dir, images[name].image.reference, ...flags(servers[name]), '--output', out);
  const layer = run.report.blobs.find((b) => b.digest === images[name].layer.digest);
  expect(layer).toMatchObject({ from: 'ipfs', size: SIZES[name] });
  return run;
}

describe('a layer of 100 and 200 MiB (400 and 800 blocks of 256 KiB under a two-level DAG)', () => {
  it.each(BACKENDS)(
    'streams from %s into the layout, verified, in memory that does not grow with the layer',
    async (what, flags) => {
      const small = await fetchSize('small', what, flags);
      const large = await fetchSize('large', what, flags);
      const double = await fetchSize('double', what, flags);
      const rate = SIZES.double / MIB / (double.ms / 1000);
      const peaks = [small, large, double].map((r) => (r.maxRss / MIB).toFixed(0)).join(' / ');
      console.log(`${what}: ${rate.toFixed(0)} MiB/s with process start; peak RSS ${peaks} MiB for 64 KiB/100/200 MiB`);
      // A fetch that held the layer would add at least 100 MiB from one size to the next. Streaming adds what V8
      // lets dead buffers pile up to before it collects them: the same at every size.
      expect(large.maxRss - small.maxRss).toBeLessThan(SIZES.large * 0.6);
      expect(double.maxRss - large.maxRss).toBeLessThan(SIZES.large * 0.3);
    },
    180_000,
  );

  describe('when the Kubo daemon drops the export mid-transfer', () => {
    const kubo = () => servers.large.kubo;
    const large = () => images.large;
    const cut = () => {
      kubo().faults.vanishAfterBytes = 30 * MIB;
    };

    it('reads the rest block by block with block/get, every block checked', async () => {
      cut();
      try {
        const args = ['--ipfs-api', kubo().url, '--output', join(work.dir, 'layout-cut')];
        const { status, report } = await fetchCli(work.dir, large().image.reference, ...args);
        expect(status).toBe(0);
        expect(report?.blobs.find((b) => b.digest === large().layer.digest)).toMatchObject({ from: 'ipfs' });
        expect(kubo().requests.filter((r) => r.includes('/block/get')).length).toBeGreaterThan(100);
      } finally {
        resetFaults(kubo());
      }
    }, 120_000);

    it('fails with IPFS_UNAVAILABLE when the daemon is gone for good, and leaves no layer or partial file', async () => {
      cut();
      kubo().faults.vanishForGood = true;
      try {
        const out = join(work.dir, 'layout-gone');
        const args = ['--ipfs-api', kubo().url, '--output', out, '--no-registry-fallback'];
        const { status, report } = await fetchCli(work.dir, large().image.reference, ...args);
        expect(status).toBe(3);
        expect(report?.code).toBe('IPFS_UNAVAILABLE');
        expect(await blobFiles(out)).not.toContain(large().layer.digest.replace(':', '/'));
        expect((await blobFiles(out)).filter((f) => f.includes('partial'))).toEqual([]);
      } finally {
        resetFaults(kubo());
      }
    }, 120_000);
  });
});
