import { constants } from 'node:os';
import { resolve } from 'node:path';
import { CoreError } from '../core/errors';
import { parsePlatformText } from '../core/ipfs/platform-select';
import { fetchToLayout } from '../node/ipfs/fetch-to-layout';
import { EXIT, UsageError, type CliIo } from './cli-io';
import type { Command } from './commands';
import { progressReporter } from './fetch-progress';
import { reportText, toReport, type FetchReport } from './fetch-report';
import { chooseSources } from './fetch-sources';
import { defaultOutputName, parseFetchTarget } from './fetch-target';
import { IPFS_NODE_FLAGS, IPFS_NODE_FLAGS_USAGE } from './ipfs-flags';
import { parseOutputFormat } from './output-format';
import { REGISTRY_FLAGS, REGISTRY_FLAGS_USAGE, registryClientFor } from './registry-flags';
import { parseCommandArgs } from './scan-flags';
import { onStopSignal } from './stop-signals';

const usage = `Usage: image-trust fetch IMAGE@DIGEST|ipfs://CID [options]

Fetches an image into an OCI image layout (skopeo's and umoci's oci:DIR): the index or manifest, then each
manifest's config and layers. Every blob is hashed as it streams and written under blobs/<alg>/<hex> only when
its size and digest match; bytes from IPFS are hints until then. With --ipfs (or any IPFS option, or an
ipfs://CID) blobs are looked for on IPFS first, by the ipfs:// URLs of their descriptors (nerdctl's form) or,
for blobs of one block, by the CID their digest names; what IPFS lacks comes from the registry.

Options:
  --ipfs                            look on IPFS first: a Kubo daemon ($IPFS_PATH/api, ~/.ipfs/api) or the embedded node
  --ipfs-api ADDR                   a Kubo daemon's RPC address (http://host:5001 or /ip4/…/tcp/5001)
  --ipfs-gateway URL                a trustless HTTP gateway (none by default); repeatable
${IPFS_NODE_FLAGS_USAGE}
  --platform OS/ARCH[/VARIANT]      only this platform's manifest (index.json then names it)
  --output DIR                      the OCI layout to write (default: ./<name>-<digest prefix>)
  --no-registry-fallback            fail instead of reading from the registry what IPFS does not have
  --progress                        progress on stderr even when it is not a terminal
  --format text|json                output format (default: text)
${REGISTRY_FLAGS_USAGE}

Exit status: 0 when the image was fetched and verified, 3 when it was not, 2 on a usage error, 130 or 143 when
stopped by SIGINT or SIGTERM (the blobs being written are discarded; a second signal stops at once).
`;

const FLAGS = {
  ...REGISTRY_FLAGS,
  ...IPFS_NODE_FLAGS,
  ipfs: { type: 'boolean' },
  'ipfs-api': { type: 'string' },
  'ipfs-gateway': { type: 'string', multiple: true },
  platform: { type: 'string' },
  output: { type: 'string' },
  'no-registry-fallback': { type: 'boolean' },
  progress: { type: 'boolean' },
  format: { type: 'string' },
} as const;

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, FLAGS);
  const format = parseOutputFormat(values.format);
  if (positionals.length !== 1) throw new UsageError('name one image: IMAGE@DIGEST or ipfs://CID');
  const target = parseFetchTarget(positionals[0] as string);
  const platform = values.platform === undefined ? undefined : parsePlatformText(values.platform);
  if (values.platform !== undefined && platform === undefined) {
    throw new UsageError(`--platform takes OS/ARCH[/VARIANT], not ${JSON.stringify(values.platform)}`);
  }
  const output = resolve(io.cwd, values.output ?? defaultOutputName(target));
  const registry = registryClientFor(values, io);
  // A usage error in the IPFS options must not leave the registry client's pool open.
  const chosen = await chooseSources(
    { ...values, ipfs: values.ipfs || target.kind === 'ipfs' },
    io,
    registry.transport,
  ).catch((error: unknown) => {
    registry.close();
    throw error;
  });
  const progress = values.progress || io.isTty ? progressReporter(io.stderr, { tty: io.isTty }) : undefined;
  // The blobs being written are discarded as on any failure; the next fetch into the layout removes what a
  // second signal (the process ends at once) left.
  const stop = onStopSignal((name) => new CoreError('FETCH_INTERRUPTED', `Stopped by ${name}; nothing half-written.`));
  let report: FetchReport;
  try {
    const fetched = await fetchToLayout(target, {
      sources: chosen.sources,
      client: registry.client,
      fallback: !values['no-registry-fallback'],
      output,
      signal: stop.signal,
      ...(platform ? { platform } : {}),
      ...(progress ? { progress } : {}),
    });
    report = toReport(target.input, output, fetched);
  } catch (error) {
    // Whatever an abort surfaced as, the signal is why the fetch stopped.
    const failure: unknown = stop.signal.aborted ? stop.signal.reason : error;
    if (!(failure instanceof CoreError)) throw failure;
    report = { target: target.input, output, entries: [], blobs: [], error: failure.message, code: failure.code };
  } finally {
    stop.dispose();
    progress?.finish();
    await chosen.close();
    registry.close();
  }
  io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : reportText(report));
  if (report.error === null) return EXIT.ok;
  return stop.received === undefined ? EXIT.incomplete : 128 + constants.signals[stop.received];
}

export const fetchCommand: Command = {
  name: 'fetch',
  summary: 'fetch an image into an OCI layout, over IPFS or from its registry, every blob verified',
  usage,
  run,
};
