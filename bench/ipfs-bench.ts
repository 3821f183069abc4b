import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pushLayer, writeRandomLayer } from './ipfs-layer';
import { startDiskRegistry } from './ipfs-registry';
import { runRoleIfChild, spawnRole, type RoleChild } from './ipfs-roles';
import { verificationCost } from './ipfs-verify-cost';
import { median, printRow } from './measure';

const MiB = 1024 * 1024;
const SIZE = 256 * MiB;
const LARGE = 1024 * MiB;
const RUNS = 5;
const REPO = 'bench/layer';

interface PeerAnswer {
  addresses: string[];
  cid: string;
  addMs: number;
  gateway: string;
}
interface FetchAnswer {
  ms: number;
  rssBeforeKiB: number;
  peakKiB: number;
}

/** A peer process holding `file`, and a fetch of it by a fresh node in another process. */
async function startPeer(file: string, peers: RoleChild<PeerAnswer>[]): Promise<PeerAnswer> {
  const peer = spawnRole<PeerAnswer>('peer', { LAYER_FILE: file });
  peers.push(peer);
  return peer.answer;
}

function fetchFrom(peer: PeerAnswer, digest: string, size: number, via: 'helia' | 'gateway' | 'stock' = 'helia') {
  const env = { PEERS: JSON.stringify(peer.addresses), CID: peer.cid, DIGEST: digest, SIZE: String(size) };
  if (via === 'gateway') Object.assign(env, { GATEWAY: peer.gateway });
  return spawnRole<FetchAnswer>(via === 'stock' ? 'stock' : 'fetch', env).answer;
}

// Each contender starts on a quiet disk: what the previous one wrote (blocks, a layout) is flushed first, not
// under the next one's clock.
const settle = () => promisify(execFile)('sync');

// Every run, so a noisy median shows as one.
const runs = (ms: number[]) => `(runs: ${ms.map((m) => m.toFixed(0)).join(', ')} ms)`;

const getInChild = (registry: string, digest: string, size: number) =>
  spawnRole<FetchAnswer>('get', { REGISTRY: registry, REPO, DIGEST: digest, SIZE: String(size) }).answer;

const rate = (bytes: number, ms: number) => `${(bytes / MiB / (ms / 1000)).toFixed(0)} MiB/s`;
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;

/**
 * `npm run bench ipfs`: a 256 MB layer fetched over bitswap from a loopback Helia peer and verified (written to
 * an OCI layout as `fetch` does) against a plain registry GET of the same blob in the same run, and against stock
 * Helia fetching it from the same peer (the ceiling of bitswap itself); verification against raw sha256; peak memory of the fetching process for 256 MB and 1 GB.
 */
export async function ipfsBenchmark(): Promise<void> {
  if (await runRoleIfChild()) return;
  const work = await mkdtemp(join(tmpdir(), 'image-trust-ipfs-bench-'));
  const server = await startDiskRegistry(work);
  const peers: RoleChild<PeerAnswer>[] = [];
  try {
    const registry = server.url;
    const layer = join(work, 'layer');
    const digest = await writeRandomLayer(layer, SIZE);
    await pushLayer(registry, REPO, layer, digest, SIZE);
    const peer = await startPeer(layer, peers);
    const times = { registry: [] as number[], helia: [] as number[], gateway: [] as number[], stock: [] as number[] };
    const fetches: FetchAnswer[] = [];
    for (let round = 0; round < RUNS; round++) {
      const helia = async () => void fetches.push(await fetchFrom(peer, digest, SIZE));
      const get = async () => void times.registry.push((await getInChild(registry, digest, SIZE)).ms);
      const car = async () => void times.gateway.push((await fetchFrom(peer, digest, SIZE, 'gateway')).ms);
      const stock = async () => void times.stock.push((await fetchFrom(peer, digest, SIZE, 'stock')).ms);
      for (const run of round % 2 === 0 ? [get, stock, helia, car] : [car, helia, stock, get]) {
        await settle();
        await run();
      }
    }
    times.helia = fetches.map((f) => f.ms);
    const cost = await verificationCost(layer, digest);
    const largeFile = join(work, 'layer-1g');
    const largeDigest = await writeRandomLayer(largeFile, LARGE);
    const large = await fetchFrom(await startPeer(largeFile, peers), largeDigest, LARGE);
    const [registryMs, heliaMs, gatewayMs] = [median(times.registry), median(times.helia), median(times.gateway)];
    const stockMs = median(times.stock);
    console.log(
      `ipfs: a ${SIZE / MiB} MiB layer on 127.0.0.1, median of ${RUNS} runs (peer added it in ${peer.addMs.toFixed(0)} ms)`,
    );
    printRow(
      'registry blob GET',
      registryMs,
      `${rate(SIZE, registryMs)}; plain GET, bytes dropped ${runs(times.registry)}`,
    );
    printRow(
      'stock helia cat',
      stockMs,
      `${rate(SIZE, stockMs)} (${(registryMs / stockMs).toFixed(2)}x); @helia/unixfs cat into memory, bytes dropped: the bitswap ceiling`,
    );
    printRow(
      'helia fetch + verify',
      heliaMs,
      `${rate(SIZE, heliaMs)} (${(stockMs / heliaMs).toFixed(2)}x stock); bitswap, blocks on disk, per-block CID check, OCI digest, layout file`,
    );
    printRow(
      'gateway CAR fetch + verify',
      gatewayMs,
      `${rate(SIZE, gatewayMs)} (${(registryMs / gatewayMs).toFixed(2)}x); the same peer's blocks as one CAR from its gateway (ipfs serve --gateway) ${runs(times.gateway)}`,
    );
    printRow('raw sha256 (node:crypto)', cost.rawMs, 'one update over the whole buffer; best of 7 rotating rounds');
    printRow('OCI digest verifier', cost.verifierMs, 'BlobVerifier over 256 KiB chunks; best of 7');
    printRow('per-block check', cost.blockMs, 'multiformats sha256 of each 256 KiB block; best of 7');
    const peak = Math.max(...fetches.map((f) => f.peakKiB));
    console.log(
      `  ratio helia/registry throughput: ${(registryMs / heliaMs).toFixed(2)}x (goal >= 0.5x); verifier/raw sha256: ` +
        `${(cost.verifierMs / cost.rawMs).toFixed(2)}x (goal <= 1.1x); with the two per-block checks (Helia on ` +
        `arrival, the walk on read): ${((cost.verifierMs + 2 * cost.blockMs) / cost.rawMs).toFixed(2)}x; fetching process peak RSS: ${mib(peak)} for ` +
        `${SIZE / MiB} MiB, ${mib(large.peakKiB)} for ${LARGE / MiB} MiB (${rate(LARGE, large.ms)}) (goal: independent of size)`,
    );
  } finally {
    for (const { child } of peers) child.kill('SIGTERM');
    await server.stop();
    await rm(work, { recursive: true, force: true, maxRetries: 5 });
  }
}
