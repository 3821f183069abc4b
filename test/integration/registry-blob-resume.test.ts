import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/core/registry/defaults';
import { blobFiles } from '../core/ipfs/layout-dir';
import { startFaultProxy, type Fault, type FaultProxy } from '../rig/fault-proxy';
import { injectRig } from '../rig/inject-rig';
import { fetchCli, tempWork } from './ipfs-fetch-support';
import { pushLargeImage } from './registry-large-push';

const SIZE = 4 * 1024 * 1024;
// Not a multiple of any chunk size, and small enough that every try of a cap-long run still leaves bytes to fetch.
const CUT = 1_000_003;
const rig = injectRig();
// Where a resume starts: the bytes taken before the drop. Node drops what it had buffered but not yet handed over
// when the connection ends early, so a resume may start before CUT, never past it.
const rangeStart = (range: string | undefined) => Number(/^bytes=(\d+)-$/.exec(range ?? '')?.[1]);
let work: Awaited<ReturnType<typeof tempWork>>;
let proxy: FaultProxy;
let image: Awaited<ReturnType<typeof pushLargeImage>>;

// A 4 MiB one-layer image on the rig's real registry (distribution 2.8 serves Range on blob GETs from its
// in-memory storage too), fetched with `image-trust fetch` through the fault proxy, which cuts the layer's answers.
beforeAll(async () => {
  work = await tempWork();
  image = await pushLargeImage(rig.registries.http.url, 'resume/layer', SIZE);
  proxy = await startFaultProxy({ upstream: rig.registries.http.url });
}, 60_000);
afterEach(() => {
  proxy.clearFaults();
  proxy.requests.splice(0);
});
afterAll(async () => {
  await proxy?.stop();
  await work?.remove();
});

describe('image-trust fetch › when the registry connection drops part way through a layer', () => {
  const layerPath = () => new RegExp(`/blobs/${image.layer.digest}$`);
  const layerFile = () => image.layer.digest.replace(':', '/');

  /** Fetches the image through the proxy with `faults` on the layer's GETs, one request each, in order. */
  async function fetchWith(name: string, faults: { fault: Fault; times?: number }[]) {
    for (const rule of faults) proxy.addFault({ match: { method: 'GET', path: layerPath() }, ...rule });
    const out = join(work.dir, name);
    const reference = image.reference.replace(rig.registries.http.host, proxy.host);
    const result = await fetchCli(work.dir, reference, '--output', out);
    const gets = proxy.requests.filter((r) => r.method === 'GET' && layerPath().test(r.path));
    const written = await blobFiles(out).catch(() => []);
    return { ...result, out, gets, ranges: gets.map((r) => r.headers.range), written };
  }

  it('resumes with one Range request from the byte reached, and writes the whole layer verified', async () => {
    const run = await fetchWith('cut-once', [{ fault: { kind: 'cut', afterBytes: CUT }, times: 1 }]);
    expect(run.status).toBe(0);
    expect(run.report?.blobs.find((b) => b.digest === image.layer.digest)).toMatchObject({ from: 'registry' });
    expect((await stat(join(run.out, 'blobs', layerFile()))).size).toBe(SIZE);
    expect(run.ranges).toHaveLength(2);
    expect(run.ranges[0]).toBeUndefined();
    expect(rangeStart(run.ranges[1])).toBeGreaterThan(0);
    expect(rangeStart(run.ranges[1])).toBeLessThanOrEqual(CUT);
  });

  it('fails with REGISTRY_NETWORK after the capped resumes, saying how many bytes arrived, and writes no layer', async () => {
    const run = await fetchWith('cut-always', [{ fault: { kind: 'cut', afterBytes: CUT } }]);
    const tries = DEFAULTS.blobStreamResumes + 1;
    expect(run.status).toBe(3);
    expect(run.report).toMatchObject({ code: 'REGISTRY_NETWORK' });
    expect(run.ranges).toHaveLength(tries);
    const arrived = Number(new RegExp(`(\\d+) of ${SIZE} bytes arrived`).exec(run.report?.error ?? '')?.[1]);
    // Every try, the last included, moves on by what it took before the cut: something, and at most CUT.
    const marks = [0, ...run.ranges.slice(1).map(rangeStart), arrived];
    const steps = marks.slice(1).map((mark, i) => mark - (marks[i] ?? 0));
    expect(steps.every((step) => step > 0 && step <= CUT)).toBe(true);
    expect(run.written.filter((f) => f === layerFile() || f.includes('partial'))).toEqual([]);
  });

  it('skips the bytes it has when the registry ignores Range (200), and writes the whole layer verified', async () => {
    const run = await fetchWith('range-ignored', [
      { fault: { kind: 'cut', afterBytes: CUT }, times: 1 },
      { fault: { kind: 'ignore-range' }, times: 1 },
    ]);
    expect(run.status).toBe(0);
    expect((await stat(join(run.out, 'blobs', layerFile()))).size).toBe(SIZE);
    expect(run.gets.map((r) => r.fault)).toEqual(['cut', 'ignore-range']);
    expect(rangeStart(run.gets[1]?.headers.range)).toBeGreaterThan(0);
  });
});
