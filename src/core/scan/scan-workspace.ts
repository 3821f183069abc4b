import { dirname } from 'node:path';
import type { FileSystem } from '../ports/file-system';
import { dotenvFiles, loadDotenv } from './compose-env-files';
import { scanDockerfile } from './dockerfile';
import type { ImageRef, WorkspaceScan } from './image-ref';
import { scanComposeFile } from './scan-compose-project';
import { collect, readOrReport, reportOnce, type ScanContext, type ScanOptions } from './scan-context';
import { SCAN_DEFAULTS } from './scan-defaults';
import { walkWorkspace, type WorkspaceFile } from './workspace-walk';

export type { ScanOptions } from './scan-context';

async function scanFile(context: ScanContext, file: WorkspaceFile): Promise<void> {
  if (file.kind === 'dockerfile') {
    const text = await readOrReport(context, file.path);
    if (text !== null)
      collect(context, file.path, scanDockerfile(text, { buildArgs: context.options.buildArgs ?? {} }));
    return;
  }
  const dotenv = await loadDotenv(context, await dotenvFiles(context, dirname(file.path)));
  await scanComposeFile(context, file.path, dotenv);
}

/** A Dockerfile reached both directly and through a compose build is reported once when both read it alike. */
function withoutRepeats(references: ImageRef[]): ImageRef[] {
  const seen = new Map<string, ImageRef>();
  const kept: ImageRef[] = [];
  for (const ref of references) {
    const key = `${ref.file}\0${ref.range.line}:${ref.range.column}\0${ref.kind}\0${ref.expanded}`;
    const earlier = seen.get(key);
    if (!earlier) {
      seen.set(key, ref);
      kept.push(ref);
    } else if (!earlier.service && ref.service) earlier.service = ref.service;
  }
  return kept;
}

function byPosition(a: ImageRef, b: ImageRef): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.range.line - b.range.line || a.range.column - b.range.column;
}

/** Scans files and directories for image references: walk, read, scan, normalize. Never throws on bad input. */
export async function scanWorkspace(
  fs: FileSystem,
  roots: string[],
  options: ScanOptions = {},
): Promise<WorkspaceScan> {
  const walk = await walkWorkspace(fs, roots);
  const context: ScanContext = {
    fs,
    walk,
    reported: new Set(),
    linked: new Set(),
    options: { maxFileBytes: SCAN_DEFAULTS.maxFileBytes, ...options },
    references: [],
    errors: [],
  };
  for (const problem of walk.problems)
    reportOnce(context, { file: problem.path, line: null, message: problem.message });
  const queue = [...walk.files];
  const workers = Array.from({ length: Math.min(SCAN_DEFAULTS.readConcurrency, queue.length) }, async () => {
    for (let file = queue.shift(); file; file = queue.shift()) await scanFile(context, file);
  });
  await Promise.all(workers);
  return {
    references: withoutRepeats(context.references).sort(byPosition),
    errors: context.errors,
    files: walk.files.length,
  };
}
