import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../src/cli/cli-io';
import { runCheck, type CheckRun } from '../src/cli/check-pipeline';
import { dctDeps, verifyPlan } from '../src/cli/check-plan';
import { parsePolicyText } from '../src/core/policy';
import { createRegistryClient } from '../src/core/registry';
import { scanWorkspace } from '../src/core/scan/scan-workspace';
import { parseCosignKey } from '../src/core/trust/sigstore';
import { createHttpTransport } from '../src/node/http-transport';
import { nodeFileSystem } from '../src/node/node-file-system';
import { systemClock } from '../src/node/system-clock';
import { startRig } from '../test/rig/rig';
import { countRequests } from './check-requests';
import { seedSignedImages, type SignedImage } from './check-seeding';
import { median, printRow } from './measure';

const REPOS = 50;
const TAGS = 10;
const PER_FILE = 50;
const RUNS = 5;

/** 500 references in 10 Dockerfiles of 50 stages each, and a policy that requires cosign with the seeding key. */
async function writeWorkspace(dir: string, images: readonly SignedImage[]) {
  for (let file = 0; file * PER_FILE < images.length; file++) {
    const stages = images
      .slice(file * PER_FILE, (file + 1) * PER_FILE)
      .map((image, i) => `FROM ${image.reference} AS s${i}`);
    await writeFile(join(dir, `Dockerfile.${file}`), `${stages.join('\n')}\n`);
  }
}

interface MeasuredCheck {
  run: CheckRun;
  /** Requests by stage and kind (`verify: HEAD .sig tag`). */
  requests: Map<string, number>;
  /** Time from sending to the answer, summed by stage and kind. */
  waits: Map<string, number>;
  /** CPU time of this process from the start of the verify stage to the end of the check. */
  verifyCpuMs: number;
}

/**
 * One check with a fresh registry client as the CLI builds it without credentials (no cache: every tag and
 * signature is asked of the registry), its requests counted.
 */
async function checkOnce(
  dir: string,
  io: CliIo,
  plan: ReturnType<typeof verifyPlan>,
  policy: ReturnType<typeof parsePolicyText>,
): Promise<MeasuredCheck> {
  const http = createHttpTransport({ env: {}, insecureRegistries: [], certsDirs: [] });
  const counter = countRequests(http.transport);
  const credentials = () => Promise.resolve(undefined);
  const client = createRegistryClient({ transport: counter.transport, clock: systemClock, credentials });
  let cpuAtVerify: NodeJS.CpuUsage | undefined;
  const progress = {
    stage(name: string, total: number) {
      if (name === 'verifying') cpuAtVerify = process.cpuUsage();
      return counter.progress.stage(name, total);
    },
  };
  try {
    const referenceTime = Date.now();
    const run = await runCheck(() => scanWorkspace(nodeFileSystem, [dir], {}), {
      client,
      dct: dctDeps(io, { transport: counter.transport, credentials }, {}, 30, referenceTime),
      plan,
      policy,
      progress,
      referenceTime,
    });
    const cpu = process.cpuUsage(cpuAtVerify);
    return { run, requests: counter.counts, waits: counter.waits, verifyCpuMs: (cpu.user + cpu.system) / 1000 };
  } finally {
    http.close();
  }
}

function printRequests({ requests, waits }: Pick<MeasuredCheck, 'requests' | 'waits'>, images: number) {
  const perImage = (n: number) => (n / images).toFixed(2);
  for (const stage of ['resolve', 'verify']) {
    const rows = [...requests].filter(([key]) => key.startsWith(`${stage}:`));
    const total = rows.reduce((sum, [, n]) => sum + n, 0);
    console.log(`  requests per image, ${stage}: ${perImage(total)}`);
    for (const [key, n] of rows.sort()) {
      const wait = ((waits.get(key) ?? 0) / n).toFixed(2);
      console.log(`    ${key.slice(stage.length + 2).padEnd(30)} ${perImage(n)}   ${wait} ms from request to answer`);
    }
  }
}

export async function checkBenchmark(): Promise<void> {
  const rig = await startRig({ pushPlan: [] });
  const work = await mkdtemp(join(tmpdir(), 'image-trust-check-bench-'));
  try {
    const { images, publicKeyPem } = await seedSignedImages(rig.registries.http, REPOS, TAGS);
    await writeWorkspace(work, images);
    const policy = parsePolicyText('signatures: { require: cosign }\n', 'bench');
    const key = parseCosignKey(publicKeyPem, 'bench.pub');
    // One plan for every run: its verifiers (the trusted root, the key) are built once and stay warm.
    const plan = verifyPlan(policy, { servers: {}, keys: [key], identities: [], policyKeys: new Map() });
    const io: CliIo = {
      stdout: () => undefined,
      stderr: () => undefined,
      env: { HOME: work },
      cwd: work,
      isTty: false,
    };
    const warm = await checkOnce(work, io, plan, policy);
    const failing = warm.run.findings.filter((f) => f.code !== 'IMAGE_UNPINNED');
    if (warm.run.scan.references.length !== images.length || failing.length > 0)
      throw new Error(`check found ${warm.run.scan.references.length} references and ${failing.length} trust findings`);
    const measured: MeasuredCheck[] = [];
    for (let run = 0; run < RUNS; run++) measured.push(await checkOnce(work, io, plan, policy));
    const runs = measured.map((m) => m.run.timings);
    const stage = (name: keyof CheckRun['timings']) => median(runs.map((t) => t[name]));
    const ratio = median(runs.map((t) => t.verifyMs / t.resolveMs));
    console.log(
      `check: ${images.length} references (${REPOS} repositories, cosign-signed), median of ${RUNS} runs, warm trusted root`,
    );
    printRow('scan (10 Dockerfiles)', stage('scanMs'), '');
    printRow(
      'resolve (tag → digest)',
      stage('resolveMs'),
      `${(stage('resolveMs') / images.length).toFixed(2)} ms/reference`,
    );
    printRow(
      'verify (cosign .sig)',
      stage('verifyMs'),
      `${(stage('verifyMs') / images.length).toFixed(2)} ms/reference`,
    );
    printRow('judge', stage('judgeMs'), '');
    console.log(`  ratio verify/resolve: ${ratio.toFixed(2)}x (goal <= 1.5x)`);
    const cpu = median(measured.map((m) => m.verifyCpuMs));
    console.log(`  CPU in verify (this process): ${(cpu / images.length).toFixed(2)} ms/reference`);
    printRequests(measured[0] ?? { requests: new Map(), waits: new Map() }, images.length);
  } finally {
    await rig.stop();
    await rm(work, { recursive: true, force: true });
  }
}
