import { commandGroup } from './command-group';
import type { Command } from './commands';
import { IPFS_ADD_USAGE, runIpfsAdd } from './ipfs-add-command';
import { IPFS_GC_USAGE, runIpfsGc } from './ipfs-gc-command';
import { IPFS_SERVE_USAGE, runIpfsServe } from './ipfs-serve-command';

/** `image-trust ipfs add|serve|gc`: publish images to IPFS, share them from the embedded node, trim its blocks. */
export const ipfsCommand: Command = commandGroup(
  {
    name: 'ipfs',
    summary: 'publish pinned images to IPFS (add), share them from the embedded node (serve), trim its blocks (gc)',
    usage: `${IPFS_ADD_USAGE}\n${IPFS_SERVE_USAGE}\n${IPFS_GC_USAGE}`,
  },
  { add: runIpfsAdd, serve: runIpfsServe, gc: runIpfsGc },
);
