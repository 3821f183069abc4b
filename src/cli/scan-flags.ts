import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { scanWorkspace } from '../core/scan/scan-workspace';
import { nodeFileSystem } from '../node/node-file-system';
import { UsageError, type CliIo } from './cli-io';
import { parseBuildArgs } from './parse-build-args';

/** The flags of every command that scans files (scan, pin, check). */
export const SCAN_FLAGS = {
  'build-arg': { type: 'string', multiple: true },
  'env-file': { type: 'string', multiple: true },
} as const satisfies ParseArgsConfig['options'];

export const SCAN_FLAGS_USAGE = `  --build-arg K=V                   a build argument for Dockerfiles, as 'docker build --build-arg' (repeatable)
  --env-file FILE                   use FILE instead of the .env beside each compose file, as 'docker compose --env-file'
                                    (repeatable: later files override earlier ones and can use their values)`;

/** parseArgs, with its errors turned into usage errors (exit status 2 and the command's usage text). */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, allowPositionals: true, options, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Scans the paths a command was given ('.' by default) with its --build-arg and --env-file values. */
export async function scanFromFlags(
  positionals: string[],
  values: { 'build-arg'?: string[]; 'env-file'?: string[] },
  io: CliIo,
) {
  const roots = (positionals.length > 0 ? positionals : ['.']).map((path) => resolve(io.cwd, path));
  const envFiles = (values['env-file'] ?? []).map((file) => resolve(io.cwd, file));
  for (const [i, envFile] of envFiles.entries()) {
    if ((await nodeFileSystem.kindOf(envFile)) !== 'file') {
      throw new UsageError(`--env-file: no such file: ${values['env-file']?.[i]}`);
    }
  }
  return scanWorkspace(nodeFileSystem, roots, {
    buildArgs: parseBuildArgs(values['build-arg'] ?? [], io.env),
    environment: io.env,
    envFiles,
  });
}
