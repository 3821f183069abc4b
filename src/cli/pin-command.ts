import { CoreError } from '../core/errors';
import { checkPinsServed } from '../core/pin/check-pins-served';
import type { PinTarget } from '../core/pin/keep-platform';
import { lineDiff } from '../core/pin/line-diff';
import { fetchPinTarget } from '../core/pin/pin-target';
import { pinWorkspace } from '../core/pin/pin-workspace';
import type { RegistryClient } from '../core/registry/client-types';
import type { ImageRef } from '../core/scan/image-ref';
import { nodeFileSystem } from '../node/node-file-system';
import { EXIT, type CliIo } from './cli-io';
import type { Command } from './commands';
import { displayPath } from './display-path';
import { pinCheckReportText, pinReportText } from './pin-report';
import { parsePlatform, platformMatches } from './platform-filter';
import { REGISTRY_FLAGS, REGISTRY_FLAGS_USAGE, registryClientFor } from './registry-flags';
import { SCAN_FLAGS, SCAN_FLAGS_USAGE, parseCommandArgs, scanFromFlags } from './scan-flags';
import { terminalStyle } from './terminal-style';

const usage = `Usage: image-trust pin [PATH...] [options]

Pins image references to the digest their tag points at now (FROM ubuntu:22.04 → FROM ubuntu:22.04@sha256:…),
keeping the tag for readers and every other byte of the file. A multi-platform image is pinned to its index; with
--update, an existing pin to one platform's manifest keeps that platform.
A reference built from variables is pinned where its value is written (an ARG default, a .env value) only when
one variable holds the whole reference and no other reference uses it.

Options:
  --dry-run                         print the changes as a diff; write nothing
  --check                           write nothing; exit 1 when a reference is unpinned or a pin is no longer served
  --update                          also re-pin tags whose digest moved
${SCAN_FLAGS_USAGE}
${REGISTRY_FLAGS_USAGE}

Exit status: 0 done, 1 (--check) unpinned or broken pins found, 2 usage error, 3 a reference could not be resolved
or a file could not be written.
`;

/**
 * The digest to write for a reference: the index digest, or the same platform's manifest when the existing pin is
 * single-platform (see keepPlatform); a literal --platform the image lacks is reported.
 */
function digestSource(client: RegistryClient) {
  return async (ref: ImageRef): Promise<PinTarget> => {
    if (!ref.reference) throw new CoreError('REF_INVALID', ref.error ?? 'invalid reference');
    const { domain, path, tag } = ref.reference;
    const resolution = await client.resolve({ domain, path, tag: tag ?? 'latest' });
    const literalPlatform = ref.platform && !ref.platform.includes('$') ? parsePlatform(ref.platform) : undefined;
    if (
      literalPlatform &&
      resolution.platforms.length > 0 &&
      !resolution.platforms.some((p) => platformMatches(p, literalPlatform))
    ) {
      throw new CoreError('PLATFORM_NOT_FOUND', `the image has no ${ref.platform} manifest, which --platform asks for`);
    }
    return fetchPinTarget(client, ref.reference, resolution);
  };
}

async function runCheck(client: RegistryClient, references: ImageRef[], io: CliIo): Promise<number> {
  const unpinned = references.filter((ref) => !ref.reference?.digest);
  const served = await checkPinsServed(client, references);
  io.stdout(pinCheckReportText(unpinned, served, io.cwd, terminalStyle(io.isTty, io.env)));
  return unpinned.length > 0 || served.some((check) => check.error) ? EXIT.findings : EXIT.ok;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...SCAN_FLAGS,
    ...REGISTRY_FLAGS,
    'dry-run': { type: 'boolean' },
    check: { type: 'boolean' },
    update: { type: 'boolean' },
  });
  const scan = await scanFromFlags(positionals, values, io);
  const { client, close } = registryClientFor(values, io);
  try {
    if (values.check) return await runCheck(client, scan.references, io);
    const dryRun = values['dry-run'] === true;
    const outcome = await pinWorkspace(nodeFileSystem, scan.references, digestSource(client), {
      update: values.update === true,
      write: !dryRun,
    });
    if (dryRun)
      for (const file of outcome.files) io.stdout(lineDiff(displayPath(file.path, io.cwd), file.before, file.after));
    io.stdout(pinReportText(outcome, io.cwd, terminalStyle(io.isTty, io.env), dryRun));
    const incomplete = outcome.failures.length > 0 || outcome.files.some((file) => file.error);
    return incomplete ? EXIT.incomplete : EXIT.ok;
  } finally {
    close();
  }
}

export const pinCommand: Command = { name: 'pin', summary: 'pin image references to verified digests', usage, run };
