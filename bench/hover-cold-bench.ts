import { performance } from 'node:perf_hooks';
import { computeHover } from '../src/core/features/compute-hover';
import { clientResolutionStore } from '../src/core/features/client-resolution-store';
import { scanDocument } from '../src/core/features/scan-document';
import { createNodeRegistryClient } from '../src/node/node-registry-client';
import { startRig } from '../test/rig/rig';
import { findMissingRigPackages } from '../test/rig/rig-packages';
import { median } from './measure';

const ROUNDS = 20;

/** One hover with nothing cached: a new client and store, so auth, manifest fetch and digest check all happen. */
async function coldHover(text: string): Promise<number> {
  const { client, close } = createNodeRegistryClient({ allowCredentialHelpers: false, diskCache: false, tagTtlMs: 0 });
  const store = clientResolutionStore(client, { ttlSeconds: 60, offline: false });
  const { refs } = scanDocument(text, 'dockerfile', '/w/Dockerfile');
  const start = performance.now();
  const ref = refs[0];
  if (ref?.reference) await store.ensure([ref.reference], new AbortController().signal);
  const hover = computeHover(refs, { line: 1, column: 8 }, store.lookup);
  const ms = performance.now() - start;
  close();
  if (!hover?.markdown.includes('Digest:')) throw new Error(`cold hover did not resolve:\n${hover?.markdown}`);
  return ms;
}

/** The floor: one plain GET of the same manifest over a fresh connection, without auth or verification. */
async function plainGet(url: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(url, { headers: { accept: 'application/vnd.oci.image.index.v1+json' } });
  await response.arrayBuffer();
  return performance.now() - start;
}

/** Hover from a cold cache against the rig's plain-HTTP registry (needs the rig's Debian packages). */
export async function hoverColdBenchmark(): Promise<void> {
  const missing = findMissingRigPackages();
  if (missing.length > 0) {
    console.log(`hover from a cold cache: not measured, the rig needs ${missing.join(', ')}`);
    return;
  }
  const rig = await startRig();
  try {
    const { host, url } = rig.registries.http;
    const text = `FROM ${host}/demo/app:multi\n`;
    const hovers: number[] = [];
    const floors: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      floors.push(await plainGet(`${url}/v2/demo/app/manifests/multi`));
      hovers.push(await coldHover(text));
    }
    const sorted = [...hovers].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN;
    console.log(
      `hover from a cold cache (rig registry, ${ROUNDS} rounds): p50 ${median(hovers).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms;` +
        ` ${(median(hovers) / median(floors)).toFixed(1)}× one plain manifest GET (${median(floors).toFixed(1)} ms)`,
    );
  } finally {
    await rig.stop();
  }
}
