import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { IpfsError } from '../../core/ipfs/ipfs-error';

/**
 * One process per node directory, as Kubo's repo.lock: two nodes on the same datastore would share one peer
 * identity and could not dial each other. A lock whose process is gone is taken over.
 */
export async function lockHeliaDir(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'repo.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (isAlive(owner)) {
        const message = `the IPFS node directory ${dir} is in use by process ${owner}: give this run another directory, or dial that node with --ipfs-peer.`;
        throw new IpfsError('IPFS_UNAVAILABLE', message, { source: 'helia' });
      }
      await rm(path, { force: true });
    }
  }
  throw new IpfsError('IPFS_UNAVAILABLE', `could not lock the IPFS node directory ${dir}.`, { source: 'helia' });
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
