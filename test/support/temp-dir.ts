import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temporary directory filled from a `{ relativePath: content }` map; `remove()` deletes it. */
export async function makeTempTree(files: Record<string, string | Uint8Array>) {
  const root = await mkdtemp(join(tmpdir(), 'image-trust-test-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content);
  }
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
