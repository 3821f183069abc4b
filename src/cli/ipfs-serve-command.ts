import { openHeliaNode } from '../node/ipfs/helia-embedded';
import { EXIT, type CliIo } from './cli-io';
import { heliaOptionsFor, IPFS_NODE_FLAGS, IPFS_NODE_FLAGS_USAGE } from './ipfs-flags';
import { parsePinnedReference, publishFromRegistry } from './ipfs-publish';
import { publishText } from './ipfs-report';
import { REGISTRY_FLAGS, REGISTRY_FLAGS_USAGE, registryClientFor } from './registry-flags';
import { parseCommandArgs } from './scan-flags';

export const IPFS_SERVE_USAGE = `Usage: image-trust ipfs serve [--listen MULTIADDR]... [--add IMAGE@DIGEST]... [options]

Runs the embedded IPFS node in the foreground until SIGINT or SIGTERM: it serves every block in its directory
(what 'ipfs add' put there) to peers that dial it. It listens on 127.0.0.1 only unless --listen says otherwise,
and joins no public network. Images given with --add are published first, as 'ipfs add' does. When ready it
prints one IPFS_ADDR=<multiaddr>/p2p/<ID> line per address and one IPFS_REF=ipfs://<CID> line per image;
give those to 'image-trust fetch ipfs://<CID> --ipfs-peer <multiaddr>' on another machine or process.

Options:
  --listen MULTIADDR                where to accept peers (default: /ip4/127.0.0.1/tcp/0); repeatable
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
    add: { type: 'string', multiple: true },
  });
  const refs = (parsed.values.add ?? []).map(parsePinnedReference);
  const stopRequested = signalled(['SIGINT', 'SIGTERM']);
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
    io.stdout([...node.addresses().map((address) => `IPFS_ADDR=${address}`), ...lines, ''].join('\n'));
    await stopRequested.promise;
    return EXIT.ok;
  } finally {
    stopRequested.dispose();
    await node.stop();
  }
}

/** Resolves on the first of `names`; a second signal while stopping is left to Node's default (exit). */
function signalled(names: NodeJS.Signals[]) {
  const controller = new AbortController();
  const onSignal = () => {
    dispose();
    controller.abort();
  };
  const dispose = () => names.forEach((name) => process.off(name, onSignal));
  names.forEach((name) => process.once(name, onSignal));
  const promise = new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve()));
  return { promise, signal: controller.signal, dispose };
}
