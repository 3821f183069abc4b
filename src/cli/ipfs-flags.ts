import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { defaultHeliaDir, type HeliaNodeOptions } from '../node/ipfs/helia-embedded';
import type { CliIo } from './cli-io';

/** The flags of every command that runs the embedded IPFS node. */
export const IPFS_NODE_FLAGS = {
  'ipfs-dir': { type: 'string' },
  'ipfs-peer': { type: 'string', multiple: true },
  'ipfs-public-network': { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

export const IPFS_NODE_FLAGS_USAGE = `  --ipfs-peer MULTIADDR             dial this IPFS peer (/ip4/…/tcp/…/p2p/<ID>, as 'ipfs serve' prints); repeatable
  --ipfs-dir DIR                    the embedded node's blocks and identity (default: $XDG_CACHE_HOME/image-trust/ipfs)
  --ipfs-public-network             let the embedded node join the public IPFS network (bootstrap peers, DHT, mDNS);
                                    without it, it reaches only the peers named with --ipfs-peer`;

export interface IpfsNodeFlagValues {
  'ipfs-dir'?: string;
  'ipfs-peer'?: string[];
  'ipfs-public-network'?: boolean;
}

/** The embedded node's options from the flags: loopback-only and no discovery unless told otherwise. */
export function heliaOptionsFor(values: IpfsNodeFlagValues, io: CliIo, listen?: readonly string[]): HeliaNodeOptions {
  const dir = values['ipfs-dir'];
  return {
    dir: dir === undefined ? defaultHeliaDir(io.env, io.env.HOME ?? homedir()) : resolve(io.cwd, dir),
    peers: values['ipfs-peer'] ?? [],
    publicNetwork: values['ipfs-public-network'] ?? false,
    ...(listen === undefined ? {} : { listen }),
  };
}
