import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../src/cli/cli-io';
import { runCheck, type CheckRun } from '../src/cli/check-pipeline';
import { dctDeps, verifyPlan } from '../src/cli/check-plan';
import { silentProgress } from '../src/cli/check-progress';
import { parsePolicyText } from '../src/core/policy';
import { scanWorkspace } from '../src/core/scan/scan-workspace';
import { parseCosignKey } from '../src/core/trust/sigstore';
import { createNodeRegistryClient } from '../src/node/node-registry-client';
import { nodeFileSystem } from '../src/node/node-file-system';
import { startRig } from '../test/rig/rig';
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

/** One check with a fresh registry client (no cache: every tag and signature is asked of the registry). */
async function checkOnce(
  dir: string,
  io: CliIo,
  plan: ReturnType<typeof verifyPlan>,
  policy: ReturnType<typeof parsePolicyText>,
): Promise<CheckRun> {
  const registry = createNodeRegistryClient({
    allowCredentialHelpers: false,
    env: {},
    insecureRegistries: [],
    diskCache: false,
  });
  try {
    const referenceTime = Date.now();
    return await runCheck(() => scanWorkspace(nodeFileSystem, [dir], {}), {
      client: registry.client,
      dct: dctDeps(io, registry, {}, 30, referenceTime),
      plan,
      policy,
      progress: silentProgress,
      referenceTime,
    });
  } finally {
    registry.close();
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
    const failing = warm.findings.filter((f) => f.code !== 'IMAGE_UNPINNED');
    if (warm.scan.references.length !== images.length || failing.length > 0)
      throw new Error(`check found ${warm.scan.references.length} references and ${failing.length} trust findings`);
    const runs: CheckRun['timings'][] = [];
    for (let run = 0; run < RUNS; run++) runs.push((await checkOnce(work, io, plan, policy)).timings);
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
  } finally {
    await rig.stop();
    await rm(work, { recursive: true, force: true });
  }
}
