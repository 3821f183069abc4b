import { EXIT, UsageError, type CliIo } from './cli-io';
import { IPFS_NODE_FLAGS, IPFS_NODE_FLAGS_USAGE } from './ipfs-flags';
import { parsePinnedReference, publishFromRegistry, type PublishRow } from './ipfs-publish';
import { publishText } from './ipfs-report';
import { chooseSink } from './ipfs-sink-choice';
import { parseOutputFormat } from './output-format';
import { REGISTRY_FLAGS, REGISTRY_FLAGS_USAGE, registryClientFor } from './registry-flags';
import { parseCommandArgs } from './scan-flags';

export const IPFS_ADD_USAGE = `Usage: image-trust ipfs add IMAGE@DIGEST... [options]

Reads each pinned image (index, manifests, config, layers; every one verified by digest) from its registry and
adds it to IPFS as nerdctl does: each blob as a CIDv1 with raw leaves in 256 KiB chunks, pinned, and
'urls: ["ipfs://<CID>"]' on every descriptor. Prints the image's ipfs:// reference (what 'image-trust fetch' and
'nerdctl pull' take) and each blob's CID. Into the embedded node unless --ipfs-api names a Kubo daemon; the
embedded node keeps the blocks in its directory, where 'ipfs serve' finds them.

Options:
  --ipfs-api ADDR                   a Kubo daemon's RPC address (http://host:5001 or /ip4/…/tcp/5001)
${IPFS_NODE_FLAGS_USAGE}
  --format text|json                output format (default: text)
${REGISTRY_FLAGS_USAGE}

Exit status: 0 when every image was added, 3 when any failed, 2 on a usage error.
`;

export async function runIpfsAdd(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, {
    ...REGISTRY_FLAGS,
    ...IPFS_NODE_FLAGS,
    'ipfs-api': { type: 'string' },
    format: { type: 'string' },
  });
  const format = parseOutputFormat(parsed.values.format);
  if (parsed.positionals.length === 0) throw new UsageError('name at least one image as IMAGE@DIGEST');
  const refs = parsed.positionals.map(parsePinnedReference);
  const registry = registryClientFor(parsed.values, io);
  const chosen = await chooseSink(parsed.values, io);
  const rows: PublishRow[] = [];
  try {
    const signal = new AbortController().signal;
    for (const ref of refs) rows.push(await publishFromRegistry(ref, registry.client, chosen.sink, signal));
  } finally {
    await chosen.close();
    registry.close();
  }
  io.stdout(format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : rows.map(publishText).join(''));
  return rows.every((row) => row.image !== null) ? EXIT.ok : EXIT.incomplete;
}
