import { openHeliaNode } from '../node/ipfs/helia-embedded';
import { startTrustlessGateway } from '../node/ipfs/trustless-gateway';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { heliaOptionsFor, IPFS_NODE_FLAGS, IPFS_NODE_FLAGS_USAGE } from './ipfs-flags';
import { parsePinnedReference, publishFromRegistry } from './ipfs-publish';
import { publishText } from './ipfs-report';
import { REGISTRY_FLAGS, REGISTRY_FLAGS_USAGE, registryClientFor } from './registry-flags';
import { parseCommandArgs } from './scan-flags';
import { onStopSignal } from './stop-signals';

export const IPFS_SERVE_USAGE = `Usage: image-trust ipfs serve [--listen MULTIADDR]... [--gateway HOST:PORT] [--add IMAGE@DIGEST]... [options]

Runs the embedded IPFS node in the foreground until SIGINT or SIGTERM: it serves every block in its directory
(what 'ipfs add' put there) to peers that dial it. It listens on 127.0.0.1 only unless --listen says otherwise,
and joins no public network. Images given with --add are published first, as 'ipfs add' does. When ready it
prints one IPFS_ADDR=<multiaddr>/p2p/<ID> line per address and one IPFS_REF=ipfs://<CID> line per image;
give those to 'image-trust fetch ipfs://<CID> --ipfs-peer <multiaddr>' on another machine or process.
With --gateway it also serves the same blocks as a trustless HTTP gateway (raw blocks and CARs, nothing
deserialized) and prints IPFS_GATEWAY=http://HOST:PORT: 'fetch --ipfs-gateway' reads a whole layer there as one
CAR, several times faster than bitswap (npm run bench ipfs), verified the same way.

Options:
  --listen MULTIADDR                where to accept peers (default: /ip4/127.0.0.1/tcp/0); repeatable
  --gateway HOST:PORT               also serve a trustless gateway there (port 0: the OS picks; plain HTTP,
                                    so other hosts reach it only if they mark it insecure)
  --add IMAGE@DIGEST                publish this image before serving; repeatable
${IPFS_NODE_FLAGS_USAGE}
${REGISTRY_FLAGS_USAGE}

Exit status: 0 after a clean stop, 3 when an image could not be added or the node could not start, 2 on a
usage error.
`;

export async function runIpfsServe(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, {
    ...REGISTRY_FLAGS,
    ...IPFS_NODE_FLAGS,
    listen: { type: 'string', multiple: true },
    gateway: { type: 'string' },
    add: { type: 'string', multiple: true },
  });
  const gatewayAddress = parsed.values.gateway === undefined ? undefined : parseHostPort(parsed.values.gateway);
  const refs = (parsed.values.add ?? []).map(parsePinnedReference);
  const stopRequested = onStopSignal();
  const node = await openHeliaNode(heliaOptionsFor(parsed.values, io, parsed.values.listen));
  try {
    const registry = registryClientFor(parsed.values, io);
    const lines: string[] = [];
    try {
      for (const ref of refs) {
        const row = await publishFromRegistry(ref, registry.client, node.sink, stopRequested.signal);
        if (row.image === null) {
          io.stderr(publishText(row));
          return EXIT.incomplete;
        }
        lines.push(`IPFS_REF=${row.image.reference}`);
      }
    } finally {
      registry.close();
    }
    const gateway =
      gatewayAddress === undefined ? undefined : await startTrustlessGateway(node.readHeldBlock, gatewayAddress);
    try {
      if (gateway !== undefined) lines.unshift(`IPFS_GATEWAY=${gateway.url}`);
      io.stdout([...node.addresses().map((address) => `IPFS_ADDR=${address}`), ...lines, ''].join('\n'));
      await stopRequested.stopped;
      return EXIT.ok;
    } finally {
      await gateway?.close();
    }
  } finally {
    stopRequested.dispose();
    await node.stop();
  }
}

/** `HOST:PORT` or `[IPv6]:PORT`, port 0–65535. */
function parseHostPort(text: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text);
  const port = Number(match?.[3]);
  if (match === null || port > 65_535)
    throw new UsageError(`--gateway takes HOST:PORT (e.g. 127.0.0.1:8080), not '${text}'`);
  return { host: match[1] ?? match[2] ?? '', port };
}
