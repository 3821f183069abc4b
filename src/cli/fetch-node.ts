import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpfsBlobSource } from '../core/ipfs/blob-source';
import { IpfsError } from '../core/ipfs/ipfs-error';
import type { CliIo } from './cli-io';
import { heliaOptionsFor, type IpfsNodeFlagValues } from './ipfs-flags';

/**
 * The embedded node for a fetch (loaded only now). When its default directory is held by a running node (an
 * `ipfs serve` on this machine) and peers are given, a throw-away directory does: the peers have the blocks.
 */
export async function openFetchNode(
  values: IpfsNodeFlagValues,
  io: CliIo,
): Promise<{ source: IpfsBlobSource; close(): Promise<void> }> {
  const { openHeliaNode } = await import('../node/ipfs/helia-embedded');
  const options = heliaOptionsFor(values, io);
  try {
    const node = await openHeliaNode(options);
    return { source: node.source, close: () => node.stop() };
  } catch (error) {
    const inUse = error instanceof IpfsError && error.code === 'IPFS_UNAVAILABLE' && /in use/.test(error.message);
    if (!inUse || values['ipfs-dir'] !== undefined || !values['ipfs-peer']?.length) throw error;
    const dir = await mkdtemp(join(tmpdir(), 'image-trust-fetch-node-'));
    const node = await openHeliaNode({ ...options, dir }).catch(async (failure: unknown) => {
      await rm(dir, { recursive: true, force: true });
      throw failure;
    });
    return {
      source: node.source,
      close: async () => {
        await node.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
}
