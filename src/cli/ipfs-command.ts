import { commandGroup } from './command-group';
import type { Command } from './commands';
import { IPFS_ADD_USAGE, runIpfsAdd } from './ipfs-add-command';
import { IPFS_SERVE_USAGE, runIpfsServe } from './ipfs-serve-command';

/** `image-trust ipfs add|serve`: publish images to IPFS and share them from the embedded node. */
export const ipfsCommand: Command = commandGroup(
  {
    name: 'ipfs',
    summary: 'publish pinned images to IPFS (add) and share them from the embedded node (serve)',
    usage: `${IPFS_ADD_USAGE}\n${IPFS_SERVE_USAGE}`,
  },
  { add: runIpfsAdd, serve: runIpfsServe },
);
