import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULTS } from '../src/core/registry/defaults';
import { startFaultProxy } from '../test/rig/fault-proxy';
import { startRig, type Rig } from '../test/rig/rig';
import { createHttpsSession } from './bench-https';
import { median, printRow, time } from './measure';
import { seedRegistry, type SeededTag } from './registry-seeding';
import { resolveWithClient, rssGrowth, writeDockerConfig } from './resolve-client-run';
import { floorResolve } from './resolve-floor';

const REPOS = 100;
const TAGS = 10;
const RUNS = 5;
const SKOPEO_SAMPLE = 50;
const run = promisify(execFile);

/** What a user would script: one `skopeo inspect --raw` per reference, one after another. */
async function skopeoPerReference(rig: Rig, work: string, sample: readonly SeededTag[]): Promise<number> {
  const policy = join(work, 'policy.json');
  await writeFile(policy, JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }] }));
  const base = ['--policy', policy, 'inspect', '--raw', '--cert-dir', rig.tls.certDir, '--creds', 'bob:hunter2'];
  return time(async () => {
    for (const { repo, tag } of sample)
      await run('skopeo', [...base, `docker://${rig.registries.token.host}/${repo}:${tag}`]);
  });
}

/** A warm disk cache: the same references again through a counting proxy; every request it sees is a miss. */
async function warmCacheRun(work: string, rig: Rig, tags: readonly SeededTag[]) {
  const { certFile, keyFile, caFile } = rig.tls;
  const proxy = await startFaultProxy({ upstream: rig.registries.token.url, caFile, tls: { certFile, keyFile } });
  try {
    await writeDockerConfig(work, [rig.registries.token.host, proxy.host]);
    const through = { work, caFile, host: proxy.host, cacheDir: join(work, 'cache') };
    await resolveWithClient(through, tags);
    const cold = proxy.requests.length;
    proxy.requests.splice(0);
    const ms = await time(() => resolveWithClient(through, tags));
    return { ms, cold, warm: proxy.requests.length };
  } finally {
    await proxy.stop();
  }
}

export async function resolveBenchmark(): Promise<void> {
  const rig = await startRig({ pushPlan: [] });
  const work = await mkdtemp(join(tmpdir(), 'image-trust-resolve-bench-'));
  const token = rig.registries.token;
  const concurrency = DEFAULTS.concurrencyPerRegistry;
  try {
    const ca = await readFile(rig.tls.caFile, 'utf8');
    const seeder = createHttpsSession(ca, 8);
    let tags: SeededTag[] = [];
    const seedMs = await time(async () => void (tags = await seedRegistry(seeder, token, REPOS, TAGS)));
    seeder.close();
    await writeDockerConfig(work, [token.host]);
    const direct = { work, caFile: rig.tls.caFile, host: token.host };
    const contenders = {
      client: () => resolveWithClient(direct, tags),
      verify: () => resolveWithClient({ ...direct, verify: true }, tags),
      floor: async () => {
        const http = createHttpsSession(ca, concurrency);
        const matched = await floorResolve(http, token, tags, concurrency).finally(() => http.close());
        if (matched !== tags.length) throw new Error(`the floor matched ${matched} of ${tags.length} digests`);
      },
    };
    const names = Object.keys(contenders) as (keyof typeof contenders)[];
    const times = { client: [] as number[], verify: [] as number[], floor: [] as number[] };
    for (const name of names) await contenders[name]();
    // Each round starts with another contender, so none always runs right after the same neighbour.
    for (let round = 0; round < RUNS; round++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(round + i) % names.length] as keyof typeof contenders;
        times[name].push(await time(contenders[name]));
      }
    }
    const rss = await rssGrowth(contenders.client);
    const sample = tags.filter((_, i) => i % Math.ceil(tags.length / SKOPEO_SAMPLE) === 0);
    const skopeoMs = (await skopeoPerReference(rig, work, sample)) * (tags.length / sample.length);
    const warm = await warmCacheRun(work, rig, tags);
    const [clientMs, verifyMs, floorMs] = [median(times.client), median(times.verify), median(times.floor)];
    const rate = (ms: number) => `${Math.round(tags.length / (ms / 1000))} refs/s`;
    console.log(
      `resolve: ${tags.length} references (${REPOS} repositories × ${TAGS} tags, single-platform, token auth) on the ` +
        `rig registry, ${concurrency} requests at a time per registry; median of ${RUNS} runs (seeded in ${seedMs.toFixed(0)} ms)`,
    );
    printRow('image-trust resolve', clientMs, `${rate(clientMs)}; HEAD only; rss +${(rss / 2 ** 20).toFixed(0)} MiB`);
    printRow('image-trust resolve --verify', verifyMs, `${rate(verifyMs)}; HEAD + GET, digests from the bytes`);
    printRow('floor: token/repo + HEAD/tag', floorMs, rate(floorMs));
    const scale = tags.length / sample.length;
    printRow(
      'skopeo inspect --raw',
      skopeoMs,
      `one process per reference in sequence; ${sample.length} run, ×${scale}`,
    );
    printRow('warm disk cache', warm.ms, `${warm.warm} requests (the cold run sent ${warm.cold})`);
    console.log(
      `  ratio skopeo/resolve: ${(skopeoMs / clientMs).toFixed(1)}x (goal >= 20x); resolve/floor: ` +
        `${(clientMs / floorMs).toFixed(2)}x (goal <= 1.3x); resolve --verify/floor: ${(verifyMs / floorMs).toFixed(2)}x; ` +
        `warm cache: ${warm.warm} requests (goal 0)`,
    );
  } finally {
    await rig.stop();
    await rm(work, { recursive: true, force: true });
  }
}
