import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The BuildKit vectors, read in place from `shared/peer-data/buildkit` beside the repository (never copied). */
export const BUILDKIT_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../../shared/peer-data/buildkit',
);

export function readBuildkit(path: string): string {
  return readFileSync(join(BUILDKIT_DIR, path), 'utf8');
}

export function readBuildkitJson<T>(path: string): T {
  return JSON.parse(readBuildkit(path)) as T;
}
