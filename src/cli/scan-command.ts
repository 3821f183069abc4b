import { EXIT, type CliIo } from './cli-io';
import type { Command } from './commands';
import { parseOutputFormat } from './output-format';
import { SCAN_FLAGS, SCAN_FLAGS_USAGE, parseCommandArgs, scanFromFlags } from './scan-flags';
import { scanReportJson } from './scan-report-json';
import { scanReportText } from './scan-report-text';
import { terminalStyle } from './terminal-style';

const usage = `Usage: image-trust scan [PATH...] [options]

Finds every image reference in Dockerfiles and compose files, as Docker, BuildKit and Compose read them.
Directories are walked (respecting .gitignore); files named explicitly are always scanned. Default: '.'.

Options:
  --format text|json                output format (default: text)
${SCAN_FLAGS_USAGE}
  -h, --help                        show this help

Exit status: 0 when the scan completed (problems in files are reported, not fatal), 2 on a usage error.
`;

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { ...SCAN_FLAGS, format: { type: 'string' } });
  const format = parseOutputFormat(values.format);
  const scan = await scanFromFlags(positionals, values, io);
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
