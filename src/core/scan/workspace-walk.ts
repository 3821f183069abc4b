import { join, relative } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { FileSystem } from '../ports/file-system';
import { kindOfDiscoveredFile, kindOfNamedFile, type ScannableKind } from './file-kinds';

export interface WorkspaceFile {
  path: string;
  kind: ScannableKind;
}

export interface WalkProblem {
  path: string;
  message: string;
}

/** Directories that are never worth walking: VCS data and dependency trees. */
const SKIPPED_DIRECTORIES = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  'bower_components',
  '.venv',
  '__pycache__',
]);

export interface WorkspaceWalk {
  files: WorkspaceFile[];
  problems: WalkProblem[];
  /** The files seen in each walked folder, so that looking for a `.env` beside a compose file costs no I/O. */
  fileNames: Map<string, Set<string>>;
}

interface IgnoreScope {
  base: string;
  rules: Ignore;
}

function isIgnored(path: string, isDirectory: boolean, scopes: IgnoreScope[]): boolean {
  return scopes.some((scope) => {
    const rel = relative(scope.base, path).split('\\').join('/');
    return rel !== '' && !rel.startsWith('..') && scope.rules.ignores(isDirectory ? `${rel}/` : rel);
  });
}

async function readIgnoreScope(fs: FileSystem, directory: string, names: Set<string>): Promise<IgnoreScope | null> {
  if (!names.has('.gitignore')) return null;
  const path = join(directory, '.gitignore');
  try {
    const text = new TextDecoder().decode(await fs.readFile(path, 1 << 20));
    return { base: directory, rules: ignore().add(text) };
  } catch {
    return null;
  }
}

async function walkDirectory(
  fs: FileSystem,
  directory: string,
  scopes: IgnoreScope[],
  walk: WorkspaceWalk,
): Promise<void> {
  let entries;
  try {
    entries = await fs.readDirectory(directory);
  } catch (error) {
    walk.problems.push({ path: directory, message: `cannot read directory: ${(error as Error).message}` });
    return;
  }
  const fileNames = new Set(entries.filter((entry) => entry.kind === 'file').map((entry) => entry.name));
  walk.fileNames.set(directory, fileNames);
  const own = await readIgnoreScope(fs, directory, fileNames);
  const active = own ? [...scopes, own] : scopes;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    // Symlinks are not followed: they can loop, and they can point outside the workspace.
    if (entry.kind === 'directory') {
      if (SKIPPED_DIRECTORIES.has(entry.name) || isIgnored(path, true, active)) continue;
      await walkDirectory(fs, path, active, walk);
    } else if (entry.kind === 'file') {
      const kind = kindOfDiscoveredFile(entry.name);
      if (kind && !isIgnored(path, false, active)) walk.files.push({ path, kind });
    }
  }
}

/**
 * Finds the Dockerfiles and compose files under `roots`, as a person would expect: directories are walked
 * respecting `.gitignore` files, files named explicitly are always taken.
 */
export async function walkWorkspace(fs: FileSystem, roots: string[]): Promise<WorkspaceWalk> {
  const walk: WorkspaceWalk = { files: [], problems: [], fileNames: new Map() };
  for (const root of roots) {
    const kind = await fs.kindOf(root);
    if (kind === 'directory') await walkDirectory(fs, root, [], walk);
    else if (kind === 'file') walk.files.push({ path: root, kind: kindOfNamedFile(root) });
    else walk.problems.push({ path: root, message: 'no such file or directory' });
  }
  const seen = new Set<string>();
  walk.files = walk.files.filter((file) => !seen.has(file.path) && seen.add(file.path));
  return walk;
}
