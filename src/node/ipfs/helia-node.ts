import { join } from 'node:path';
import { withBitswap } from '@helia/bitswap';
import { withLibp2pLight, type HeliaWithLibp2p } from '@helia/libp2p';
import { unixfs } from '@helia/unixfs';
import type { ServiceMap } from '@libp2p/interface';
import { FsDatastore } from 'datastore-fs';
import { createHeliaLight, type HeliaInit } from 'helia';
import type { Blockstore } from 'interface-blockstore';
import type { CID } from 'multiformats/cid';
import type { IpfsBlobSink, IpfsBlobSource } from '../../core/ipfs/blob-source';
import { heldBlockBytes } from './block-bytes';
import { heliaBlobSink } from './helia-blob-sink';
import { heliaBlobSource } from './helia-blob-source';
import { CheckedBlockstore } from './helia-checked-blockstore';
import { FileBlockstore } from './helia-fs-blockstore';
import { dialPeers, redialPeers } from './helia-dial';
import { collectGarbage, type GarbageCollected } from './helia-gc';
import { libp2pConfig } from './helia-libp2p-config';
import { HELIA_DEFAULTS, resolveHeliaOptions, type HeliaNodeOptions, type ResolvedHeliaOptions } from './helia-options';
import { lockHeliaDir } from './helia-repo-lock';

/** A running embedded node; `stop()` closes connections, the stores and the directory lock. */
export interface HeliaNode {
  readonly peerId: string;
  /** Where peers can dial this node, each ending in `/p2p/<peerId>`. */
  addresses(): string[];
  readonly source: IpfsBlobSource;
  readonly sink: IpfsBlobSink;
  /** Dial more peers; fails with IPFS_UNAVAILABLE when none of them answers. */
  dial(peers: readonly string[], signal?: AbortSignal): Promise<void>;
  /** A block from this node's directory (checked against its CID), or `undefined`; never from peers. */
  readHeldBlock(cid: CID): Promise<Uint8Array | undefined>;
  /** Deletes every block no pin reaches (see helia-gc.ts). */
  collectGarbage(signal?: AbortSignal): Promise<GarbageCollected>;
  stop(): Promise<void>;
}

const BLOCKS_DIR = 'blocks';

export interface HeliaNodeTestSeams {
  /** Replaces the on-disk blockstore, e.g. with one that lies about its blocks. */
  blockstore?: Blockstore;
}

/**
 * Starts the embedded Helia node as IPFS-NOTES §3 composes it: createHeliaLight + libp2p light + bitswap, with
 * blocks and the peer key on disk under `dir`, then dials the given peers. Import this module dynamically
 * (helia-embedded.ts): it pulls in all of libp2p.
 */
export async function startHeliaNode(options: HeliaNodeOptions, seams: HeliaNodeTestSeams = {}): Promise<HeliaNode> {
  const resolved = resolveHeliaOptions(options);
  const unlock = await lockHeliaDir(resolved.dir);
  let helia: HeliaWithLibp2p<ServiceMap> | undefined;
  try {
    const blockstore = seams.blockstore ?? (await openFsBlockstore(join(resolved.dir, BLOCKS_DIR)));
    const datastore = new FsDatastore(join(resolved.dir, 'datastore'));
    await datastore.open();
    helia = await composeHelia({ blockstore, datastore }, resolved);
    await helia.start();
    const node = nodeHandle(helia, blockstore, resolved, async () => {
      await helia?.stop();
      await datastore.close();
      await unlock();
    });
    await node.dial(resolved.peers);
    return node;
  } catch (error) {
    await helia?.stop().catch(() => undefined);
    await unlock();
    throw error;
  }
}

/** Helia light + libp2p for a LAN node + bitswap tuned for whole layers; not started. */
export async function composeHelia(
  stores: Required<Pick<HeliaInit, 'blockstore' | 'datastore'>>,
  options: ResolvedHeliaOptions,
): Promise<HeliaWithLibp2p<ServiceMap>> {
  const light = withLibp2pLight(createHeliaLight(stores), await libp2pConfig(options));
  return withBitswap(light, {
    sendBlocksMaxQueueLength: HELIA_DEFAULTS.sendQueueLength,
    sendWantlistDebounce: HELIA_DEFAULTS.wantListDebounceMs,
  });
}

async function openFsBlockstore(path: string): Promise<Blockstore> {
  const store = new FileBlockstore(path);
  await store.open();
  return new CheckedBlockstore(store);
}

function nodeHandle(
  helia: HeliaWithLibp2p<ServiceMap>,
  local: Blockstore,
  options: ResolvedHeliaOptions,
  stop: () => Promise<void>,
): HeliaNode {
  const fs = unixfs(helia);
  const known = new Set<string>();
  const redial = () => redialPeers(helia.libp2p, [...known], options.dialTimeoutMs);
  let stopped: Promise<void> | undefined;
  return {
    peerId: helia.libp2p.peerId.toString(),
    addresses: () => helia.libp2p.getMultiaddrs().map((address) => address.toString()),
    source: heliaBlobSource(helia.blockstore, { ...options, redial }),
    sink: heliaBlobSink(helia, fs),
    dial: async (peers, signal) => {
      await dialPeers(helia.libp2p, peers, options.dialTimeoutMs, signal);
      peers.forEach((peer) => known.add(peer));
    },
    readHeldBlock: (cid) => heldBlockBytes(local, cid),
    collectGarbage: (signal) => collectGarbage(helia, join(options.dir, BLOCKS_DIR), signal),
    stop: () => (stopped ??= stop()),
  };
}
