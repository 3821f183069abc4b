import { openHeliaNode } from '../node/ipfs/helia-embedded';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { heliaOptionsFor } from './ipfs-flags';
import { parseCommandArgs } from './scan-flags';

export const IPFS_GC_USAGE = `Usage: image-trust ipfs gc [--ipfs-dir DIR]

Deletes from the embedded node's directory every block no pin reaches: the blocks 'fetch' kept from peers
(already written to its OCI layout) and anything else not published with 'ipfs add', which pins. Run it when
'ipfs serve' is not running (one process uses a node directory at a time). Prints what was removed.

Options:
  --ipfs-dir DIR                    the embedded node's directory (default: $XDG_CACHE_HOME/image-trust/ipfs)

Exit status: 0 when done, 3 when the node could not be opened or a block could not be deleted, 2 on a usage error.
`;

const MIB = 1024 * 1024;

export async function runIpfsGc(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, { 'ipfs-dir': { type: 'string' } });
  if (parsed.positionals.length > 0) throw new UsageError(`ipfs gc takes no arguments, not '${parsed.positionals[0]}'`);
  // Dial out only: collecting garbage needs no peers and no listening socket.
  const node = await openHeliaNode({ ...heliaOptionsFor(parsed.values, io), listen: [] });
  try {
    const { removed, freedBytes, failed, stoppedBy } = await node.collectGarbage();
    io.stdout(`removed ${removed} unpinned blocks (${(freedBytes / MIB).toFixed(1)} MiB)\n`);
    if (failed === 0) return EXIT.ok;
    const why = stoppedBy === undefined ? '' : ` (${stoppedBy})`;
    io.stderr(`${failed} blocks could not be deleted${why}; run 'image-trust ipfs gc' again.\n`);
    return EXIT.incomplete;
  } finally {
    await node.stop();
  }
}
