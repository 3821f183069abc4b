import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Helia } from '@helia/interface';

export interface GarbageCollected {
  /** Blocks deleted: every block no pin reaches (what `fetch` left behind, an unpinned add). */
  removed: number;
  /** Bytes of block files before minus after. */
  freedBytes: number;
  /** Blocks that could not be looked at or deleted (Helia stops at the first block it cannot delete). */
  failed: number;
  /** Why the run stopped early, when it did. */
  stoppedBy?: string;
}

/**
 * Helia's garbage collection (every block not reached by a pin is deleted; `ipfs add` pins what it publishes),
 * counted: a node's directory otherwise grows with every layer fetched through it.
 */
export async function collectGarbage(helia: Helia, blocksDir: string, signal?: AbortSignal): Promise<GarbageCollected> {
  const before = await directoryBytes(blocksDir);
  let removed = 0;
  let failed = 0;
  let stoppedBy: string | undefined;
  try {
    await helia.gc({
      ...(signal === undefined ? {} : { signal }),
      onProgress: (event) => {
        if (event.type === 'helia:gc:deleted') removed++;
        else if (event.type === 'helia:gc:error') failed++;
      },
    });
  } catch (error) {
    signal?.throwIfAborted();
    failed++;
    stoppedBy = error instanceof Error ? error.message : String(error);
  }
  const freedBytes = Math.max(0, before - (await directoryBytes(blocksDir)));
  return { removed, failed, freedBytes, ...(stoppedBy === undefined ? {} : { stoppedBy }) };
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
