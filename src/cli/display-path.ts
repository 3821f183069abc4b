import { isAbsolute, relative, sep } from 'node:path';

/** Paths under the working directory are shown relative to it, with forward slashes on every platform. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const shown = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  return shown.split(sep).join('/');
}
