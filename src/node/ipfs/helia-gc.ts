import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Helia } from '@helia/interface';

export interface GarbageCollected {
  /** Blocks deleted: every block no pin reaches (what `fetch` left behind, an unpinned add). */
  removed: number;
  /** Bytes of block files before minus after. */
  freedBytes: number;
  failed: number;
}

/**
 * Helia's garbage collection (every block not reached by a pin is deleted; `ipfs add` pins what it publishes),
 * counted: a node's directory otherwise grows with every layer fetched through it.
 */
export async function collectGarbage(helia: Helia, blocksDir: string, signal?: AbortSignal): Promise<GarbageCollected> {
  const before = await directoryBytes(blocksDir);
  let removed = 0;
  let failed = 0;
  await helia.gc({
    ...(signal === undefined ? {} : { signal }),
    onProgress: (event) => {
      if (event.type === 'helia:gc:deleted') removed++;
      else if (event.type === 'helia:gc:error') failed++;
    },
  });
  return { removed, failed, freedBytes: Math.max(0, before - (await directoryBytes(blocksDir))) };
}

async function directoryBytes(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  const sizes = await Promise.all(
    entries
      .filter((e) => e.isFile())
      .map((e) =>
        stat(join(e.parentPath, e.name)).then(
          (s) => s.size,
          () => 0,
        ),
      ),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}
