import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createNodeRegistryClient } from '../src/node/node-registry-client';
import type { SeededTag } from './registry-seeding';

/** `work/docker/config.json` logging bob in at each host, as `docker login` would. */
export async function writeDockerConfig(work: string, hosts: readonly string[]): Promise<void> {
  const auth = Buffer.from('bob:hunter2').toString('base64');
  await mkdir(join(work, 'docker'), { recursive: true });
  const auths = Object.fromEntries(hosts.map((host) => [host, { auth }]));
  await writeFile(join(work, 'docker', 'config.json'), JSON.stringify({ auths }));
}

export interface ClientRun {
  work: string;
  caFile: string;
  host: string;
  /** HEAD + GET and digests from the bytes, as `resolve --verify` and `pin` do. */
  verify?: boolean;
  /** A disk cache; in memory only when absent. */
  cacheDir?: string;
}

/** Resolves every tag with a new client built as the CLI builds it; fails on any wrong digest. */
export async function resolveWithClient(run: ClientRun, tags: readonly SeededTag[]): Promise<void> {
  const { client, close } = createNodeRegistryClient({
    allowCredentialHelpers: false,
    env: { DOCKER_CONFIG: join(run.work, 'docker') },
    home: run.work,
    diskCache: run.cacheDir ?? false,
    transport: { caFiles: [run.caFile] },
  });
  try {
    const trustDigestHeader = run.verify !== true;
    const resolutions = await Promise.all(
      tags.map(({ repo, tag }) => client.resolve({ domain: run.host, path: repo, tag }, { trustDigestHeader })),
    );
    const wrong = resolutions.filter((r, i) => r.digest !== tags[i]?.digest).length;
    if (wrong > 0) throw new Error(`image-trust resolved ${wrong} references to the wrong digest`);
  } finally {
    close();
  }
}

/** Peak RSS growth while `work` runs, sampled every 10 ms. */
export async function rssGrowth(work: () => Promise<void>): Promise<number> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage.rss()) - before;
}
