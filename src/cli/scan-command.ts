import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scanWorkspace } from '../core/scan/scan-workspace';
import { nodeFileSystem } from '../node/node-file-system';
import { EXIT, UsageError, type CliIo } from './cli-io';
import type { Command } from './commands';
import { parseOutputFormat } from './output-format';
import { parseBuildArgs } from './parse-build-args';
import { scanReportJson } from './scan-report-json';
import { scanReportText } from './scan-report-text';
import { terminalStyle } from './terminal-style';

const usage = `Usage: image-trust scan [PATH...] [options]

Finds every image reference in Dockerfiles and compose files, as Docker, BuildKit and Compose read them.
Directories are walked (respecting .gitignore); files named explicitly are always scanned. Default: '.'.

Options:
  --format text|json     output format (default: text)
  --build-arg K=V        a build argument for Dockerfiles, as 'docker build --build-arg' (repeatable)
  --env-file FILE        use FILE instead of the .env beside each compose file, as 'docker compose --env-file'
  -h, --help             show this help

Exit status: 0 when the scan completed (problems in files are reported, not fatal), 2 on a usage error.
`;

async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'build-arg': { type: 'string', multiple: true },
        'env-file': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const format = parseOutputFormat(parsed.values.format);
  const roots = (parsed.positionals.length > 0 ? parsed.positionals : ['.']).map((path) => resolve(io.cwd, path));
  const envFile = parsed.values['env-file'] === undefined ? undefined : resolve(io.cwd, parsed.values['env-file']);
  if (envFile !== undefined && (await nodeFileSystem.kindOf(envFile)) !== 'file') {
    throw new UsageError(`--env-file: no such file: ${parsed.values['env-file']}`);
  }
  const scan = await scanWorkspace(nodeFileSystem, roots, {
    buildArgs: parseBuildArgs(parsed.values['build-arg'] ?? [], io.env),
    environment: io.env,
    ...(envFile !== undefined ? { envFile } : {}),
  });
  io.stdout(
    format === 'json' ? scanReportJson(scan, io.cwd) : scanReportText(scan, io.cwd, terminalStyle(io.isTty, io.env)),
  );
  return EXIT.ok;
}

export const scanCommand: Command = {
  name: 'scan',
  summary: 'find image references in Dockerfiles and compose files',
  usage,
  run,
};
