import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { writeVerified } from '../src/core/ipfs/blob-verifier';
import { createHttpTransport } from '../src/node/http-transport';
import { createGatewaySource } from '../src/node/ipfs/gateway-source';
import { openHeliaNode } from '../src/node/ipfs/helia-embedded';
import { createNodeHash } from '../src/node/ipfs/node-hash';
import { startTrustlessGateway } from '../src/node/ipfs/trustless-gateway';
import { createOciLayoutStore } from '../src/node/oci-layout-store';
import { getLayerMs } from './ipfs-layer';
import { stockHeliaCatMs } from './ipfs-stock-helia';
import { time } from './measure';

const ROLE = 'IMAGE_TRUST_BENCH_IPFS_ROLE';

/** A peer or a fetcher runs in its own process: its own event loop, and its own peak RSS to report. */
export interface RoleChild<T> {
  child: ChildProcess;
  answer: Promise<T>;
}

export function spawnRole<T>(role: 'peer' | 'fetch' | 'stock' | 'get', args: Record<string, string>): RoleChild<T> {
  const child = spawn(process.execPath, [process.argv[1] as string, 'ipfs'], {
    env: { ...process.env, [ROLE]: role, ...args },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const answer = (async () => {
    for await (const line of createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
      if (!line.startsWith('{')) continue;
      const answer = JSON.parse(line) as T & { error?: string };
      if (answer.error !== undefined) throw new Error(`the ${role} process failed: ${answer.error}`);
      return answer;
    }
    throw new Error(`the ${role} process ended without an answer`);
  })();
  return { child, answer };
}

/** Runs this process's role when it is a child of the benchmark; false when it is the benchmark itself. */
export async function runRoleIfChild(): Promise<boolean> {
  const role = process.env[ROLE];
  if (role === 'peer') await peer(process.env.LAYER_FILE as string);
  else if (role === 'fetch') await answer(() => fetchVerified(process.env as Record<string, string>));
  else if (role === 'stock') await answer(() => stockFetch(process.env as Record<string, string>));
  else if (role === 'get') await answer(() => registryGet(process.env as Record<string, string>));
  return role !== undefined;
}

// Node A: adds the layer file (Kubo layout), prints where it is and the CID, serves until SIGTERM, over bitswap
// and through the trustless gateway `ipfs serve --gateway` runs (the CAR path, measured beside bitswap).
async function peer(file: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'image-trust-bench-peer-'));
  const node = await openHeliaNode({ dir });
  let cid = '';
  const addMs = await time(async () => {
    cid = await node.sink.add(createReadStream(file), { signal: AbortSignal.timeout(600_000) });
  });
  const gateway = await startTrustlessGateway(node.readHeldBlock, { host: '127.0.0.1', port: 0 });
  console.log(JSON.stringify({ addresses: node.addresses(), cid, addMs, gateway: gateway.url }));
  await new Promise((resolve) => process.once('SIGTERM', resolve));
  await gateway.close();
  await node.stop();
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
}

// Node B: a fresh node dials A and fetches the layer into an OCI layout, verified as `image-trust fetch` does;
// with GATEWAY set, the same fetch is one CAR from A's gateway instead.
async function fetchVerified(env: Record<string, string>) {
  const work = await mkdtemp(join(tmpdir(), 'image-trust-bench-fetch-'));
  try {
    const node = env.GATEWAY === undefined ? await openHeliaNode(heliaOptions(work, env)) : gatewayClient(env.GATEWAY);
    const descriptor = {
      mediaType: 'application/vnd.oci.image.layer.v1.tar',
      digest: env.DIGEST as string,
      size: Number(env.SIZE),
    };
    const store = await createOciLayoutStore(join(work, 'layout'), createNodeHash);
    const rssBefore = process.memoryUsage().rss;
    const ms = await time(async () => {
      const chunks = node.source.cat(env.CID as string, { signal: AbortSignal.timeout(600_000) });
      await writeVerified(descriptor, chunks, await store.openBlob(descriptor.digest), createNodeHash, 'helia');
    });
    await node.stop();
    return { ms, rssBeforeKiB: rssBefore / 1024, peakKiB: process.resourceUsage().maxRSS };
  } finally {
    await rm(work, { recursive: true, force: true, maxRetries: 5 });
  }
}

// Stock Helia (no verification, layout or disk of ours) from the same peer: the ceiling to compare with.
async function stockFetch(env: Record<string, string>) {
  const ms = await stockHeliaCatMs(JSON.parse(env.PEERS as string) as string[], env.CID as string, Number(env.SIZE));
  return { ms, rssBeforeKiB: 0, peakKiB: process.resourceUsage().maxRSS };
}

// The floor, in its own process as every contender is: one plain GET of the blob from the registry.
async function registryGet(env: Record<string, string>) {
  const ms = await getLayerMs(env.REGISTRY as string, env.REPO as string, env.DIGEST as string, Number(env.SIZE));
  return { ms, rssBeforeKiB: 0, peakKiB: process.resourceUsage().maxRSS };
}

/** A fetching role's one line for the benchmark: its measurements, or its failure. */
async function answer(work: () => Promise<object>): Promise<void> {
  try {
    console.log(JSON.stringify(await work()));
  } catch (error) {
    const code = (error as { code?: string }).code;
    console.log(JSON.stringify({ error: `${code ?? ''} ${error instanceof Error ? error.message : String(error)}` }));
  }
}

const heliaOptions = (work: string, env: Record<string, string>) => ({
  dir: join(work, 'node'),
  peers: JSON.parse(env.PEERS as string) as string[],
});

function gatewayClient(url: string) {
  const http = createHttpTransport();
  const source = createGatewaySource({ gateways: [url], transport: http.transport, createHash: createNodeHash });
  return { source, stop: async () => http.close() };
}
