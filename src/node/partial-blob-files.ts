import { randomBytes } from 'node:crypto';
import { lstat, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { IPFS_DEFAULTS } from '../core/ipfs/defaults';

const PREFIX = '.partial-';
// `.partial-<what>-<pid>-<rand>`: the pid says whether the writer still runs.
const WITH_PID = /^\.partial-.+-(\d+)-[0-9a-f]{12}$/;

/**
 * The temp file a blob (`what`: its digest) or the layout's `index.json` is written to in `blobsDir` until it is
 * complete; it names the writing process.
 */
export function partialBlobPath(blobsDir: string, what: string): string {
  return join(blobsDir, `${PREFIX}${what.replace(':', '-')}-${process.pid}-${randomBytes(6).toString('hex')}`);
}

/**
 * Removes the temp files a killed fetch left in `blobsDir` (SIGKILL, power loss): those whose writer no longer
 * runs, never another live fetch's; names from before the pid was recorded once they are older than the window.
 */
export async function removeStalePartials(blobsDir: string, now = Date.now()): Promise<void> {
  const names = (await readdir(blobsDir)).filter((name) => name.startsWith(PREFIX));
  for (const name of names) {
    const path = join(blobsDir, name);
    if (await isStale(name, path, now)) await unlink(path).catch(ignoreGone);
  }
}

async function isStale(name: string, path: string, now: number): Promise<boolean> {
  const pid = WITH_PID.exec(name)?.[1];
  if (pid !== undefined) return !isRunning(Number(pid));
  const found = await lstat(path).catch(ignoreGone);
  return found !== undefined && now - found.mtimeMs > IPFS_DEFAULTS.partialWithoutPidMaxAgeMs;
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
