import { resolve } from 'node:path';
import { CoreError } from '../core/errors';
import type { Descriptor } from '../core/ipfs/descriptor';
import { fetchImage, type FetchDeps } from '../core/ipfs/fetch-image';
import { parsePlatformText } from '../core/ipfs/platform-select';
import { registryBlobReader, registryTopDescriptor } from '../core/ipfs/registry-blob-reader';
import { fetchRootDescriptor } from '../core/ipfs/root-descriptor';
import type { RegistryClient } from '../core/registry/client-types';
import { createNodeHash } from '../node/ipfs/node-hash';
import { createOciLayoutStore } from '../node/oci-layout-store';
import { EXIT, UsageError, type CliIo } from './cli-io';
import type { Command } from './commands';
import { progressReporter } from './fetch-progress';
import { reportText, toReport, type FetchReport } from './fetch-report';
import { chooseSources, type ChosenSources } from './fetch-sources';
import { defaultOutputName, parseFetchTarget, type FetchTarget } from './fetch-target';
import { IPFS_NODE_FLAGS, IPFS_NODE_FLAGS_USAGE } from './ipfs-flags';
import { parseOutputFormat } from './output-format';
import { REGISTRY_FLAGS, REGISTRY_FLAGS_USAGE, registryClientFor } from './registry-flags';
import { parseCommandArgs } from './scan-flags';

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

Exit status: 0 when the image was fetched and verified, 3 when it was not, 2 on a usage error.
`;

/** A layer from the registry fallback passes through memory (the registry client reads a blob at once). */
const MAX_LAYER_BYTES = 4 * 1024 * 1024 * 1024;

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
  const registry = registryClientFor(values, io, { maxBlobBytes: MAX_LAYER_BYTES });
  const chosen = await chooseSources(
    { ...values, ipfs: values.ipfs || target.kind === 'ipfs' },
    io,
    registry.transport,
  );
  const progress = values.progress || io.isTty ? progressReporter(io.stderr, { tty: io.isTty }) : undefined;
  const controller = new AbortController();
  const interrupt = () => controller.abort(new CoreError('FETCH_INTERRUPTED', 'Interrupted; nothing half-written.'));
  process.once('SIGINT', interrupt);
  let report: FetchReport;
  try {
    const fallback = values['no-registry-fallback'] ? undefined : registry.client;
    const options = { platform, signal: controller.signal, output, progress };
    report = await fetchTarget(target, chosen, registry.client, fallback, options);
  } catch (error) {
    if (!(error instanceof CoreError)) throw error;
    report = { target: target.input, output, entries: [], blobs: [], error: error.message, code: error.code };
  } finally {
    process.off('SIGINT', interrupt);
    progress?.finish();
    await chosen.close();
    registry.close();
  }
  io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : reportText(report));
  return report.error === null ? EXIT.ok : EXIT.incomplete;
}

async function fetchTarget(
  target: FetchTarget,
  chosen: ChosenSources,
  client: RegistryClient,
  fallbackClient: RegistryClient | undefined,
  options: { platform: ReturnType<typeof parsePlatformText>; signal: AbortSignal; output: string } & Pick<
    FetchDeps,
    'progress'
  >,
): Promise<FetchReport> {
  const { signal } = options;
  const top =
    target.kind === 'ipfs'
      ? (await fetchRootDescriptor(chosen.sources, target.cid, createNodeHash, signal)).descriptor
      : await registryTopDescriptor(client, target, signal);
  const fallback =
    target.kind === 'registry' && fallbackClient !== undefined ? registryBlobReader(fallbackClient, target) : undefined;
  const store = await createOciLayoutStore(options.output, createNodeHash);
  const deps: FetchDeps = {
    sources: chosen.sources,
    store,
    createHash: createNodeHash,
    ...(fallback ? { fallback } : {}),
  };
  if (options.progress) deps.progress = options.progress;
  const fetched = await fetchImage(deps, top, { signal, ...(options.platform ? { platform: options.platform } : {}) });
  await store.writeIndex(fetched.entries.map((entry) => named(entry, target.tag)));
  return toReport(target.input, options.output, fetched);
}

// umoci and skopeo's oci:DIR:NAME find an image by this annotation.
function named(entry: Descriptor, tag: string): Descriptor {
  return { ...entry, annotations: { ...entry.annotations, 'org.opencontainers.image.ref.name': tag } };
}

export const fetchCommand: Command = {
  name: 'fetch',
  summary: 'fetch an image into an OCI layout, over IPFS or from its registry, every blob verified',
  usage,
  run,
};
