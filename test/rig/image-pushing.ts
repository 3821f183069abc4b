import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceImage } from './image-catalog';
import { summarizeManifest, type ManifestSummary } from './manifest-summary';
import type { Descriptor } from './oci-layout';
import type { PushPlanEntry } from './push-plan';
import { RigError } from './rig-error';
import type { PushedImage, RegistryInfo } from './rig-types';
import { RIG_USERS } from './rig-users';
import { skopeoCopy, skopeoToDockerDir } from './skopeo';

export interface PushContext {
  workDir: string;
  layoutDir: string;
  built: Record<SourceImage, Descriptor>;
  policyFile: string;
  authFile: string;
}

interface PreparedSource {
  skopeoSource: string;
  all: boolean;
  summary: ManifestSummary;
}

const PUSH_CONCURRENCY = 4;
// alice may push everywhere; bob may not (RIG-NOTES §1).
const PUSHER = RIG_USERS[0];

/** Docker-format sources are converted once into a `dir:` copy, so every registry gets the same bytes. */
async function prepareSource(ctx: PushContext, entry: PushPlanEntry): Promise<PreparedSource> {
  const descriptor = ctx.built[entry.source];
  const all = descriptor.platform === undefined;
  const ociSource = `oci:${ctx.layoutDir}:${entry.source}`;
  if (entry.format === 'oci') {
    const bytes = await readFile(join(ctx.layoutDir, 'blobs', 'sha256', descriptor.digest.slice('sha256:'.length)));
    return { skopeoSource: ociSource, all, summary: summarizeManifest(bytes, descriptor.platform) };
  }
  const dir = join(ctx.workDir, 'docker', entry.source);
  await mkdir(dir, { recursive: true });
  await skopeoToDockerDir(ociSource, dir, all, ctx.policyFile);
  const bytes = await readFile(join(dir, 'manifest.json'));
  return { skopeoSource: `dir:${dir}`, all, summary: summarizeManifest(bytes, descriptor.platform) };
}

function sourceKey(entry: PushPlanEntry): string {
  return `${entry.source}:${entry.format}`;
}

async function prepareSources(ctx: PushContext, plan: readonly PushPlanEntry[]): Promise<Map<string, PreparedSource>> {
  const unique = [...new Map(plan.map((entry) => [sourceKey(entry), entry])).values()];
  const prepared = await Promise.all(
    unique.map(async (entry) => [sourceKey(entry), await prepareSource(ctx, entry)] as const),
  );
  return new Map(prepared);
}

interface PushJob {
  registry: RegistryInfo;
  entry: PushPlanEntry;
  source: PreparedSource;
  digestFile: string;
}

async function pushOne(ctx: PushContext, job: PushJob): Promise<PushedImage> {
  const { registry, entry, source } = job;
  const reference = `${registry.host}/${entry.repo}:${entry.tag}`;
  const reported = await skopeoCopy({
    source: source.skopeoSource,
    destination: {
      reference: `docker://${reference}`,
      plainHttp: registry.kind === 'http',
      certDir: registry.certDir,
      credentials: registry.auth.kind === 'none' ? undefined : PUSHER,
    },
    all: source.all,
    policyFile: ctx.policyFile,
    authFile: ctx.authFile,
    digestFile: job.digestFile,
  });
  if (reported !== source.summary.digest) {
    throw new RigError(
      'RIG_PUSH_FAILED',
      `skopeo pushed ${reference} as ${reported}, expected ${source.summary.digest}`,
    );
  }
  return { registry: registry.kind, repo: entry.repo, tag: entry.tag, reference, ...source.summary };
}

/** Runs `task` over `items` with at most `limit` at a time, keeping their order in the result. */
async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) results[i] = await task(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Pushes every plan entry to every registry with skopeo (as alice where auth is needed). */
export async function pushImages(
  ctx: PushContext,
  registries: readonly RegistryInfo[],
  plan: readonly PushPlanEntry[],
): Promise<PushedImage[]> {
  const digestDir = join(ctx.workDir, 'digests');
  await mkdir(digestDir, { recursive: true });
  const sources = await prepareSources(ctx, plan);
  const jobs = registries.flatMap((registry) =>
    plan
      .filter((entry) => entry.registries?.includes(registry.kind) ?? true)
      .map((entry) => ({ registry, entry, source: sources.get(sourceKey(entry)) as PreparedSource })),
  );
  const numbered = jobs.map((job, n) => ({ ...job, digestFile: join(digestDir, `${n}.txt`) }));
  return mapLimited(numbered, PUSH_CONCURRENCY, (job) => pushOne(ctx, job));
}
