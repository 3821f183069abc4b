import { homedir } from 'node:os';
import { loadPreferredTrustedRoot, sigstoreCacheDir } from '../node/sigstore-root-cache';
import { EXIT, type CliIo } from './cli-io';
import { commandGroup } from './command-group';
import type { Command } from './commands';
import { parseOutputFormat } from './output-format';
import { parseCommandArgs } from './scan-flags';
import { runTrustRootUpdate, TRUST_ROOT_UPDATE_USAGE } from './trust-root-update';

const STATUS_USAGE = `Usage: image-trust trust-root status [--format text|json]

Says which Sigstore trusted root keyless verification uses: the one 'trust-root update' stored, or the one
shipped with the tool (and why, when a cached one exists but cannot be used).
`;

async function runStatus(args: string[], io: CliIo): Promise<number> {
  const format = parseOutputFormat(parseCommandArgs(args, { format: { type: 'string' } }).values.format);
  const preferred = loadPreferredTrustedRoot(sigstoreCacheDir(io.env, io.env.HOME ?? homedir()));
  const warning = preferred.warning ? { code: preferred.warning.code, message: preferred.warning.message } : null;
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ source: preferred.source, path: preferred.path ?? null, warning }, null, 2)}\n`);
  } else {
    if (warning) io.stderr(`image-trust trust-root: ${warning.code}: ${warning.message}\n`);
    io.stdout(preferred.path ? `cached: ${preferred.path}\n` : 'shipped: the public-good root in the tool\n');
  }
  return EXIT.ok;
}

/** `image-trust trust-root update|status`: the Sigstore trusted root, updated over TUF. */
export const trustRootCommand: Command = commandGroup(
  {
    name: 'trust-root',
    summary: "the Sigstore trusted root: fetch it from Sigstore's TUF repository (update), show which is used (status)",
    usage: `${TRUST_ROOT_UPDATE_USAGE}\n${STATUS_USAGE}`,
  },
  { update: runTrustRootUpdate, status: runStatus },
);
