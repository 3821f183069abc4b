import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FetchReport } from '../../src/cli/fetch-report';

const run = promisify(execFile);

/** Builds the CLI bundle into `dir` (as users run it), with a hook that reports the process's peak RSS. */
export async function buildCli(dir: string): Promise<void> {
  await run(process.execPath, ['scripts/build.mjs', '--outdir', join(dir, 'dist')]);
  await writeFile(join(dir, 'package.json'), '{"type":"module"}');
  const hook = "process.on('exit', () => process.stderr.write(`\\nMAXRSS_KB=${process.resourceUsage().maxRSS}\\n`));\n";
  await writeFile(join(dir, 'max-rss.mjs'), hook);
}

/**
 * `image-trust ARGS` in its own process: its output, peak RSS and wall time. A 1 MiB young generation makes V8
 * collect dead chunks promptly, so the peak shows what is live rather than GC slack.
 */
export async function cliInChild(dir: string, ...args: string[]) {
  const env = { HOME: dir, XDG_CACHE_HOME: join(dir, 'cache'), PATH: process.env.PATH };
  const cli = join(dir, 'dist', 'cli.js');
  const started = performance.now();
  const { stdout, stderr } = await run(
    process.execPath,
    ['--max-semi-space-size=1', '--import', join(dir, 'max-rss.mjs'), cli, ...args],
    { env, maxBuffer: 16 * 1024 * 1024 },
  );
  const maxRssKb = Number(/MAXRSS_KB=(\d+)/.exec(stderr)?.[1]);
  return { stdout, maxRss: maxRssKb * 1024, ms: performance.now() - started };
}

/** `image-trust fetch ... --format json` in its own process: its report, peak RSS and wall time. */
export async function fetchInChild(dir: string, ...args: string[]) {
  const { stdout, ...measured } = await cliInChild(dir, 'fetch', '--format', 'json', ...args);
  return { report: JSON.parse(stdout) as FetchReport, ...measured };
}
