import { UsageError, type CliIo } from './cli-io';
import type { Command } from './commands';
import { IPFS_ADD_USAGE, runIpfsAdd } from './ipfs-add-command';
import { IPFS_SERVE_USAGE, runIpfsServe } from './ipfs-serve-command';

const SUBCOMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  add: runIpfsAdd,
  serve: runIpfsServe,
};

/** `image-trust ipfs add|serve`: publish images to IPFS and share them from the embedded node. */
export const ipfsCommand: Command = {
  name: 'ipfs',
  summary: 'publish pinned images to IPFS (add) and share them from the embedded node (serve)',
  usage: `${IPFS_ADD_USAGE}\n${IPFS_SERVE_USAGE}`,
  run: async ([sub, ...rest], io) => {
    const run = sub === undefined ? undefined : SUBCOMMANDS[sub];
    if (run === undefined) throw new UsageError(`name a sub-command: add or serve${sub ? `, not '${sub}'` : ''}`);
    return run(rest, io);
  },
};
