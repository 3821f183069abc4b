import type { Libp2p } from '@libp2p/interface';
import { multiaddr } from '@multiformats/multiaddr';
import { IpfsError } from '../../core/ipfs/ipfs-error';

/**
 * Dials the peers the user named. One unreachable peer among several is tolerated (a team node may be down);
 * when every one fails the fetch could only wait in vain, so that is an IPFS_UNAVAILABLE error naming them.
 */
export async function dialPeers(
  libp2p: Libp2p,
  peers: readonly string[],
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  if (peers.length === 0) return;
  const deadline = AbortSignal.timeout(timeoutMs);
  const dialSignal = signal === undefined ? deadline : AbortSignal.any([signal, deadline]);
  const results = await Promise.allSettled(
    peers.map((peer) => libp2p.dial(parseAddress(peer), { signal: dialSignal })),
  );
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  if (failures.length < peers.length) return;
  signal?.throwIfAborted();
  const message = `no IPFS peer answered (${peers.join(', ')}): check the addresses (each ends in /p2p/<peer ID>) and that the node runs.`;
  throw new IpfsError('IPFS_UNAVAILABLE', message, { source: 'helia' }, failures[0]);
}

/**
 * Closes and reopens the connections to `peers`: the peer forgets what it thinks it sent (a fresh ledger) and
 * this node sends its whole want list again.
 */
export async function redialPeers(libp2p: Libp2p, peers: readonly string[], timeoutMs: number): Promise<void> {
  await Promise.all(peers.map((peer) => libp2p.hangUp(parseAddress(peer))));
  await dialPeers(libp2p, peers, timeoutMs);
}

function parseAddress(peer: string) {
  try {
    return multiaddr(peer);
  } catch (error) {
    const message = `${JSON.stringify(peer)} is not a multiaddr like /ip4/127.0.0.1/tcp/4001/p2p/<peer ID>.`;
    throw new IpfsError('IPFS_UNAVAILABLE', message, { source: 'helia' }, error);
  }
}
