import type { HeliaNode } from './helia-node';
import type { HeliaNodeOptions } from './helia-options';

export type { HeliaNode } from './helia-node';
export type { GarbageCollected } from './helia-gc';
export { defaultHeliaDir, HELIA_DEFAULTS, type HeliaNodeOptions } from './helia-options';

/**
 * The embedded IPFS node, loaded only when asked for: libp2p and Helia are a large import (IPFS-NOTES §3), so
 * the CLI and the extension start without them and a run that never uses the embedded node never loads them.
 */
export async function openHeliaNode(options: HeliaNodeOptions): Promise<HeliaNode> {
  const { startHeliaNode } = await import('./helia-node');
  return startHeliaNode(options);
}
