import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createNodeHash } from '../../../src/node/ipfs/node-hash';
import { createOciLayoutStore } from '../../../src/node/oci-layout-store';

/** A fresh OCI layout in a temp dir; `remove()` deletes it. */
export async function tempLayout() {
  const dir = await mkdtemp(join(tmpdir(), 'image-trust-layout-'));
  const store = await createOciLayoutStore(dir, createNodeHash);
  return { dir, store, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Every file under `blobs/`, as `alg/hex` (temp files included: a test asserts there are none left). */
export async function blobFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(dir, 'blobs'), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(join(dir, 'blobs').length + 1))
    .sort();
}

export async function readIndex(dir: string): Promise<{ manifests: { digest: string }[] }> {
  return JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
}

/** A fresh layout per call, each removed after the test that made it. */
export function useTempLayouts() {
  const made: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((remove) => remove()));
  });
  return async () => {
    const layout = await tempLayout();
    made.push(layout.remove);
    return layout;
  };
}
