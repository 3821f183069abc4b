import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULTS } from '../src/core/registry/defaults';
import { createNodeRegistryClient } from '../src/node/node-registry-client';
import { startFaultProxy } from '../test/rig/fault-proxy';
import { startRig, type Rig } from '../test/rig/rig';
import { createHttpsSession } from './bench-https';
import { median, printRow, time } from './measure';
import { seedRegistry, type SeededTag } from './registry-seeding';
import { floorResolve } from './resolve-floor';

const REPOS = 100;
const TAGS = 10;
const RUNS = 3;
const SKOPEO_SAMPLE = 50;
const run = promisify(execFile);

/** image-trust's client as the CLI builds it, logged in as bob; `cacheDir` false keeps the cache in memory. */
async function resolveAll(
  work: string,
  rig: Rig,
  host: string,
  tags: readonly SeededTag[],
  options: { verify?: boolean; cacheDir?: string } = {},
) {
  const docker = join(work, 'docker');
  await mkdir(docker, { recursive: true });
  const auth = Buffer.from('bob:hunter2').toString('base64');
  await writeFile(join(docker, 'config.json'), JSON.stringify({ auths: { [host]: { auth } } }));
  const { client, close } = createNodeRegistryClient({
    allowCredentialHelpers: false,
    env: { DOCKER_CONFIG: docker },
    home: work,
    diskCache: options.cacheDir ?? false,
    transport: { caFiles: [rig.tls.caFile] },
  });
  try {
    const resolutions = await Promise.all(
      tags.map(({ repo, tag }) =>
        client.resolve({ domain: host, path: repo, tag }, { trustDigestHeader: options.verify !== true }),
      ),
    );
    const wrong = resolutions.filter((r, i) => r.digest !== tags[i]?.digest).length;
    if (wrong > 0) throw new Error(`image-trust resolved ${wrong} references to the wrong digest`);
  } finally {
    close();
  }
}

async function skopeoInspect(rig: Rig, policy: string, { repo, tag }: SeededTag): Promise<void> {
  const host = rig.registries.token.host;
  await run('skopeo', [
    '--policy',
    policy,
    'inspect',
    '--raw',
    '--cert-dir',
    rig.tls.certDir,
    '--creds',
    'bob:hunter2',
    `docker://${host}/${repo}:${tag}`,
  ]);
}

/** Peak RSS growth while `work` runs, sampled every 5 ms. */
async function rssGrowth(work: () => Promise<void>): Promise<number> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss) - before;
}

/** A warm disk cache: the same references again through a counting proxy; every request it sees is a miss. */
async function warmCacheRun(work: string, rig: Rig, tags: readonly SeededTag[]) {
  const { certFile, keyFile, caFile } = rig.tls;
  const proxy = await startFaultProxy({ upstream: rig.registries.token.url, caFile, tls: { certFile, keyFile } });
  try {
    const cacheDir = join(work, 'cache');
    await resolveAll(work, rig, proxy.host, tags, { cacheDir });
    const cold = proxy.requests.length;
    proxy.requests.splice(0);
    const ms = await time(() => resolveAll(work, rig, proxy.host, tags, { cacheDir }));
    return { ms, cold, warm: proxy.requests.length };
  } finally {
    await proxy.stop();
  }
}

export async function resolveBenchmark(): Promise<void> {
  const rig = await startRig({ pushPlan: [] });
  const work = await mkdtemp(join(tmpdir(), 'image-trust-resolve-bench-'));
  const ca = await readFile(rig.tls.caFile, 'utf8');
  const concurrency = DEFAULTS.concurrencyPerRegistry;
  try {
    const token = rig.registries.token;
    const seeder = createHttpsSession(ca, 8);
    let tags: SeededTag[] = [];
    const seedMs = await time(async () => void (tags = await seedRegistry(seeder, token, REPOS, TAGS)));
    seeder.close();
    const client =
      (verify = false) =>
      () =>
        resolveAll(work, rig, token.host, tags, { verify });
    const floor = async () => {
      const http = createHttpsSession(ca, concurrency);
      const matched = await floorResolve(http, token, tags, concurrency).finally(() => http.close());
      if (matched !== tags.length) throw new Error(`the floor matched ${matched} of ${tags.length} digests`);
    };
    await client()();
    await floor();
    const times = { client: [] as number[], verify: [] as number[], floor: [] as number[] };
    let rss = 0;
    for (let i = 0; i < RUNS; i++) {
      times.floor.push(await time(floor));
      times.client.push(await time(async () => void (rss = Math.max(rss, await rssGrowth(client())))));
      times.verify.push(await time(client(true)));
    }
    const policy = join(work, 'policy.json');
    await writeFile(policy, JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }] }));
    const sample = tags.filter((_, i) => i % Math.ceil(tags.length / SKOPEO_SAMPLE) === 0);
    const skopeoMs =
      (await time(async () => {
        for (const t of sample) await skopeoInspect(rig, policy, t);
      })) *
      (tags.length / sample.length);
    const warm = await warmCacheRun(work, rig, tags);
    const [clientMs, verifyMs, floorMs] = [median(times.client), median(times.verify), median(times.floor)];
    const perSecond = (ms: number) => `${Math.round(tags.length / (ms / 1000))} refs/s`;
    console.log(
      `resolve: ${tags.length} references (${REPOS} repositories × ${TAGS} tags, single-platform, token auth) on the rig registry, ${concurrency} requests at a time per registry; median of ${RUNS} runs (seeded in ${seedMs.toFixed(0)} ms)`,
    );
    printRow(
      'image-trust resolve',
      clientMs,
      `${perSecond(clientMs)}; HEAD only (digest header), rss +${(rss / 2 ** 20).toFixed(0)} MiB`,
    );
    printRow('image-trust resolve --verify', verifyMs, `${perSecond(verifyMs)}; HEAD + GET, digests from the bytes`);
    printRow('floor: token/repo + HEAD/tag', floorMs, perSecond(floorMs));
    printRow(
      'skopeo inspect --raw',
      skopeoMs,
      `one process per reference, in sequence: ${sample.length} run, scaled ×${tags.length / sample.length}`,
    );
    printRow('warm disk cache', warm.ms, `${warm.warm} requests (the cold run sent ${warm.cold})`);
    console.log(
      `  ratio skopeo/resolve: ${(skopeoMs / clientMs).toFixed(1)}x (goal >= 20x); resolve/floor: ${(clientMs / floorMs).toFixed(2)}x (goal <= 1.3x); resolve --verify/floor: ${(verifyMs / floorMs).toFixed(2)}x; warm cache ${warm.warm === 0 ? 'sent no request' : `sent ${warm.warm} requests (goal 0)`}`,
    );
  } finally {
    await rig.stop();
    await rm(work, { recursive: true, force: true });
  }
}
