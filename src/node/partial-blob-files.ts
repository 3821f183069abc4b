import { randomBytes } from 'node:crypto';
import { lstat, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { IPFS_DEFAULTS } from '../core/ipfs/defaults';

const PREFIX = '.partial-';
// `.partial-<what>-<pid>-<rand>`: the pid says whether the writer still runs.
const WITH_PID = /^\.partial-.+-(\d+)-[0-9a-f]{12}$/;

/**
 * The temp file a blob (`what`: its digest) or the layout's `index.json` is written to in `dir` until it is
 * complete; it names the writing process.
 */
export function partialBlobPath(dir: string, what: string): string {
  return join(dir, `${PREFIX}${what.replace(':', '-')}-${process.pid}-${randomBytes(6).toString('hex')}`);
}

/**
 * Removes the temp files a killed fetch left in a layout's `blobs/` (SIGKILL, power loss): those whose writer no
 * longer runs, never another live fetch's; names from before the pid was recorded once older than the window.
 */
export function removeStalePartials(blobsDir: string, now = Date.now()): Promise<void> {
  return removeStale(blobsDir, PREFIX, IPFS_DEFAULTS.partialWithoutPidMaxAgeMs, now);
}

/**
 * The same for the layout's own directory, which may be any folder the user named: only our `index.json` temp
 * files with a dead writer's pid are touched there, nothing else that happens to start with `.partial-`.
 */
export function removeStaleIndexPartials(layoutDir: string): Promise<void> {
  return removeStale(layoutDir, `${PREFIX}index.json-`, Number.POSITIVE_INFINITY, Date.now());
}

async function removeStale(dir: string, prefix: string, pidlessMaxAgeMs: number, now: number): Promise<void> {
  for (const name of (await readdir(dir)).filter((entry) => entry.startsWith(prefix))) {
    const path = join(dir, name);
    if (await isStale(name, path, pidlessMaxAgeMs, now)) await unlink(path).catch(ignoreGone);
  }
}

async function isStale(name: string, path: string, pidlessMaxAgeMs: number, now: number): Promise<boolean> {
  const pid = WITH_PID.exec(name)?.[1];
  if (pid !== undefined) return !isRunning(Number(pid));
  if (pidlessMaxAgeMs === Number.POSITIVE_INFINITY) return false;
  const found = await lstat(path).catch(ignoreGone);
  return found !== undefined && now - found.mtimeMs > pidlessMaxAgeMs;
}

// Signal 0 only asks whether the process exists; EPERM means it does (another user's), so only ESRCH counts.
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code !== 'ESRCH';
  }
}

// Another fetch opening the same layout may have removed it first.
function ignoreGone(error: unknown): undefined {
  if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
  return undefined;
}
