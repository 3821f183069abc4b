import { afterEach } from 'vitest';
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

/** Temporary trees for a describe block: after each test, every tree it made is removed (not only the last). */
export function useTempTrees() {
  const removes: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(removes.splice(0).map((remove) => remove()));
  });
  return async (files: Record<string, string | Uint8Array>) => {
    const tree = await makeTempTree(files);
    removes.push(tree.remove);
    return tree;
  };
}
