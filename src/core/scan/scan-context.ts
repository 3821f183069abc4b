/** What one workspace scan shares between the files it reads: options, the walk, what was found and reported. */
import { join } from 'node:path';
import type { FileSystem } from '../ports/file-system';
import type { DotenvValue } from './compose';
import type { ScanResult } from './found-image';
import type { FileError, ImageRef } from './image-ref';
import { normalizeFoundImage } from './normalize-found-image';
import { readTextFile } from './read-text-file';
import type { WorkspaceWalk } from './workspace-walk';

export interface ScanOptions {
  /** `--build-arg K=V` values, applied to every Dockerfile scanned directly. */
  buildArgs?: Record<string, string>;
  /** The process environment, which Compose puts above `.env`. */
  environment?: Record<string, string | undefined>;
  /** `--env-file` (repeatable): replace the `.env` beside each compose file, later files over earlier, as Compose's flag does. */
  envFiles?: readonly string[];
  maxFileBytes?: number;
}

export type Dotenv = { file: string; values: Map<string, DotenvValue> };

export interface ScanContext {
  fs: FileSystem;
  walk: WorkspaceWalk;
  reported: Set<string>;
  /** Compose files reached through `include`/`extends`, so each is scanned once and include cycles end. */
  linked: Set<string>;
  options: Required<Pick<ScanOptions, 'maxFileBytes'>> & ScanOptions;
  references: ImageRef[];
  errors: FileError[];
}

export function collect(context: ScanContext, file: string, result: ScanResult, service?: string): void {
  for (const found of result.images) {
    context.references.push(normalizeFoundImage(service ? { ...found, service } : found, file));
  }
  for (const error of result.errors) reportOnce(context, { file, line: error.line, message: error.message });
}

/** A file scanned twice (directly and through a compose build) reports each of its problems once. */
export function reportOnce(context: ScanContext, error: FileError): void {
  const key = `${error.file}\0${error.line}\0${error.message}`;
  if (context.reported.has(key)) return;
  context.reported.add(key);
  context.errors.push(error);
}

export async function readOrReport(context: ScanContext, path: string): Promise<string | null> {
  const read = await readTextFile(context.fs, path, context.options.maxFileBytes);
  if (read.ok) return read.text;
  reportOnce(context, { file: path, line: null, message: read.message });
  return null;
}

export async function hasFile(context: ScanContext, directory: string, name: string): Promise<boolean> {
  const listed = context.walk.fileNames.get(directory);
  return listed ? listed.has(name) : (await context.fs.kindOf(join(directory, name))) === 'file';
}
