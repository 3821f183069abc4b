import { dirname, isAbsolute, join } from 'node:path';
import type { FileSystem } from '../ports/file-system';
import { parseDotenv, scanCompose, type ComposeBuild, type DotenvValue } from './compose';
import { scanDockerfile } from './dockerfile';
import type { ScanResult } from './found-image';
import type { FileError, ImageRef, WorkspaceScan } from './image-ref';
import { normalizeFoundImage } from './normalize-found-image';
import { readTextFile } from './read-text-file';
import { SCAN_DEFAULTS } from './scan-defaults';
import { walkWorkspace, type WorkspaceFile, type WorkspaceWalk } from './workspace-walk';

export interface ScanOptions {
  /** `--build-arg K=V` values, applied to every Dockerfile scanned directly. */
  buildArgs?: Record<string, string>;
  /** The process environment, which Compose puts above `.env`. */
  environment?: Record<string, string | undefined>;
  /** `--env-file` (repeatable): replace the `.env` beside each compose file, later files over earlier, as Compose's flag does. */
  envFiles?: readonly string[];
  maxFileBytes?: number;
}

interface ScanContext {
  fs: FileSystem;
  walk: WorkspaceWalk;
  reported: Set<string>;
  options: Required<Pick<ScanOptions, 'maxFileBytes'>> & ScanOptions;
  references: ImageRef[];
  errors: FileError[];
}

function collect(context: ScanContext, file: string, result: ScanResult, service?: string): void {
  for (const found of result.images) {
    context.references.push(normalizeFoundImage(service ? { ...found, service } : found, file));
  }
  for (const error of result.errors) reportOnce(context, { file, line: error.line, message: error.message });
}

/** A file scanned twice (directly and through a compose build) reports each of its problems once. */
function reportOnce(context: ScanContext, error: FileError): void {
  const key = `${error.file}\0${error.line}\0${error.message}`;
  if (context.reported.has(key)) return;
  context.reported.add(key);
  context.errors.push(error);
}

async function readOrReport(context: ScanContext, path: string): Promise<string | null> {
  const read = await readTextFile(context.fs, path, context.options.maxFileBytes);
  if (read.ok) return read.text;
  reportOnce(context, { file: path, line: null, message: read.message });
  return null;
}

async function hasFile(context: ScanContext, directory: string, name: string): Promise<boolean> {
  const listed = context.walk.fileNames.get(directory);
  return listed ? listed.has(name) : (await context.fs.kindOf(join(directory, name))) === 'file';
}

async function dotenvFiles(context: ScanContext, composeDirectory: string): Promise<string[]> {
  const given = context.options.envFiles ?? [];
  if (given.length > 0) return [...given];
  return (await hasFile(context, composeDirectory, '.env')) ? [join(composeDirectory, '.env')] : [];
}

/** Reads the env files in order: each sees the process environment, then the values of the files before it. */
async function loadDotenv(context: ScanContext, composeDirectory: string) {
  const files = await dotenvFiles(context, composeDirectory);
  const environment = context.options.environment ?? {};
  let values: Map<string, DotenvValue> | undefined;
  for (const file of files) {
    const text = await readOrReport(context, file);
    if (text === null) continue;
    const parsed = parseDotenv(text, (name) => environment[name], values);
    for (const error of parsed.errors) reportOnce(context, { file, line: error.line, message: error.message });
    values = new Map(
      [...parsed.values].map(([key, value]) => [key, values?.get(key) === value ? value : { ...value, file }]),
    );
  }
  const last = files.at(-1);
  return values && last !== undefined ? { file: last, values } : undefined;
}

/** Compose builds images from Dockerfiles with its own args: scan those as Compose would build them. */
async function scanComposeBuild(context: ScanContext, composeFile: string, build: ComposeBuild): Promise<void> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(build.context) || build.context.startsWith('git@')) {
    reportOnce(context, {
      file: composeFile,
      line: build.range.line,
      message: `service ${build.service}: build context ${build.context} is remote; its Dockerfile is not scanned`,
    });
    return;
  }
  const options = { buildArgs: build.args, ...(build.target ? { target: build.target } : {}) };
  if (build.dockerfileInline !== undefined) {
    const result = scanDockerfile(build.dockerfileInline, options);
    collect(context, composeFile, { images: [], errors: result.errors }, build.service);
    for (const found of result.images) {
      context.references.push(
        normalizeFoundImage({ ...found, service: build.service, range: build.range }, composeFile),
      );
    }
    return;
  }
  const contextDir = isAbsolute(build.context) ? build.context : join(dirname(composeFile), build.context);
  const dockerfile = isAbsolute(build.dockerfile) ? build.dockerfile : join(contextDir, build.dockerfile);
  const text = await readOrReport(context, dockerfile);
  if (text !== null) collect(context, dockerfile, scanDockerfile(text, options), build.service);
}

async function scanFile(context: ScanContext, file: WorkspaceFile): Promise<void> {
  const text = await readOrReport(context, file.path);
  if (text === null) return;
  if (file.kind === 'dockerfile') {
    collect(context, file.path, scanDockerfile(text, { buildArgs: context.options.buildArgs ?? {} }));
    return;
  }
  const dotenv = await loadDotenv(context, dirname(file.path));
  const result = scanCompose(text, { environment: context.options.environment ?? {}, ...(dotenv ? { dotenv } : {}) });
  collect(context, file.path, result);
  for (const build of result.builds) await scanComposeBuild(context, file.path, build);
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
