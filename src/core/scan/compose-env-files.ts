/** The env files a compose file is interpolated with, as Compose picks and reads them. */
import { dirname, isAbsolute, join } from 'node:path';
import { parseDotenv, type ComposeLink, type DotenvValue } from './compose';
import { hasFile, readOrReport, reportOnce, type Dotenv, type ScanContext } from './scan-context';

/** The project's env files: `--env-file`s when given, else the `.env` beside the compose file when there is one. */
export async function dotenvFiles(context: ScanContext, composeDirectory: string): Promise<string[]> {
  const given = context.options.envFiles ?? [];
  if (given.length > 0) return [...given];
  return (await hasFile(context, composeDirectory, '.env')) ? [join(composeDirectory, '.env')] : [];
}

/** Reads env files in order: each sees the process environment, then the values of the files before it. */
export async function loadDotenv(context: ScanContext, files: readonly string[]): Promise<Dotenv | undefined> {
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

/** An included file reads its own env: `env_file`, else the `.env` of its project directory. */
export async function includedDotenv(context: ScanContext, from: string, link: ComposeLink, first: string) {
  if (link.envFiles)
    return loadDotenv(
      context,
      link.envFiles.map((file) => resolveFrom(from, file)),
    );
  const projectDirectory = link.projectDirectory ? resolveFrom(from, link.projectDirectory) : dirname(first);
  const dotenv = join(projectDirectory, '.env');
  return (await context.fs.kindOf(dotenv)) === 'file' ? loadDotenv(context, [dotenv]) : undefined;
}

export function resolveFrom(composeFile: string, path: string): string {
  return isAbsolute(path) ? path : join(dirname(composeFile), path);
}
