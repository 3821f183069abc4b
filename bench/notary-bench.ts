import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryTrustStore, createNotarySource, verifyDct, type MetadataSource } from '../src/core/trust/notary';
import { createHttpTransport } from '../src/node/http-transport';
import { systemClock } from '../src/node/system-clock';
import { startRig, type Rig } from '../test/rig/rig';
import { NOTARY_PASSPHRASES, runNotary, writeNotaryClientConfig, type NotaryInfo } from '../test/rig/trust-publisher';
import { median, printRow, time } from './measure';

const TAGS = 100;
const RUNS = 5;
const CLI_SAMPLE = 20;
const digestOf = (i: number) => `sha256:${i.toString(16).padStart(64, '0')}`;

/** One repository with TAGS tags, staged with `notary addhash` and published once. */
async function publishTags(rig: Rig, work: string): Promise<NotaryInfo> {
  const gun = `${rig.registries.http.host}/bench/app`;
  const clientConfig = await writeNotaryClientConfig(work, rig.notary.url, rig.tls.caFile);
  const info = { url: rig.notary.url, gun, clientConfig, env: NOTARY_PASSPHRASES, signed: [] };
  await runNotary(info, ['init', gun]);
  for (let i = 0; i < TAGS; i++)
    await runNotary(info, ['addhash', gun, `t${i}`, String(1000 + i), '--sha256', digestOf(i).slice(7)]);
  await runNotary(info, ['publish', gun]);
  return info;
}

/** image-trust: one operation verifies every tag with a fresh client (TOFU), one update for the repository. */
async function verifyAll(source: MetadataSource, gun: string): Promise<number> {
  const deps = { source, store: createMemoryTrustStore(), referenceTime: systemClock.now(), updates: new Map() };
  const subjects = Array.from({ length: TAGS }, (_, i) => ({ gun, tag: `t${i}`, digest: digestOf(i), size: 1000 + i }));
  const results = await Promise.all(subjects.map((subject) => verifyDct(subject, deps)));
  return results.filter((r) => r.signed).length;
}

/** The floor: the same four metadata files fetched once over the same transport, no verification. */
async function fetchOnce(source: MetadataSource): Promise<void> {
  for (const role of ['root', 'timestamp', 'snapshot', 'targets']) await source.fetch({ role, maxBytes: 1 << 22 });
}

export async function notaryBenchmark(): Promise<void> {
  const rig = await startRig({ pushPlan: [] });
  const work = await mkdtemp(join(tmpdir(), 'image-trust-notary-bench-'));
  const http = createHttpTransport({ caFiles: [rig.tls.caFile] });
  try {
    const info = await publishTags(rig, work);
    const deps = { transport: http.transport, clock: systemClock, credentials: async () => undefined };
    const target = {
      server: new URL(`${rig.notary.url}/`),
      registry: rig.registries.http.host,
      gun: info.gun,
      userAgent: 'bench',
    };
    const source = createNotarySource(deps, target);
    let signed = 0;
    const ours = async () => void (signed = await verifyAll(source, info.gun));
    const floor = () => fetchOnce(source);
    await ours();
    await floor();
    const oursTimes: number[] = [];
    const floorTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      floorTimes.push(await time(floor));
      oursTimes.push(await time(ours));
    }
    const cliMs =
      ((await time(async () => {
        for (let i = 0; i < CLI_SAMPLE; i++) await runNotary(info, ['lookup', info.gun, `t${i}`]);
      })) *
        TAGS) /
      CLI_SAMPLE;
    const oursMs = median(oursTimes);
    const floorMs = median(floorTimes);
    console.log(`notary: ${TAGS} tags of one repository, ${signed} signed (median of ${RUNS} runs)`);
    printRow('image-trust verifyDct', oursMs, `${(oursMs / TAGS).toFixed(2)} ms/tag`);
    printRow('notary lookup per tag', cliMs, `extrapolated from ${CLI_SAMPLE} tags`);
    printRow('floor: fetch metadata once', floorMs, '4 files');
    console.log(
      `  ratio cli/image-trust: ${(cliMs / oursMs).toFixed(1)}x (goal >= 10x); image-trust/floor: ${(oursMs / floorMs).toFixed(2)}x (goal <= 1.3x)`,
    );
  } finally {
    http.close();
    await rig.stop();
    await rm(work, { recursive: true, force: true });
  }
}
