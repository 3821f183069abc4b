import { join } from 'node:path';

/** Limits and places of the embedded node; every default lives here and nowhere else. */
export const HELIA_DEFAULTS = {
  /** Loopback only: nothing outside this machine can connect unless the user names another address. */
  listen: ['/ip4/127.0.0.1/tcp/0'],
  /** A fetch fails when no byte arrived for this long (a peer that vanished, a CID nobody has). */
  idleTimeoutMs: 30_000,
  /**
   * After this long without a block, the peers this node dialed are dialed afresh: a bitswap message lost on
   * the way (a stream reset by a busy receiver, a send task dropped) is never resent, but a new connection
   * makes this node send its whole want list again and the peer start a fresh ledger.
   */
  redialAfterMs: 5_000,
  dialTimeoutMs: 10_000,
  /** Kubo's `ipfs add --cid-version=1` layout, so a blob gets the CID nerdctl would record for it. */
  chunkBytes: 262_144,
  maxChildrenPerNode: 174,
  /**
   * Helia's bitswap drops a peer's "send blocks" task when 10 are queued, and the wants it would have served
   * wait until that peer sends another message, which a fetcher waiting for them never does: a stall.
   */
  sendQueueLength: 4096,
  /**
   * Bitswap waits this long before sending its want list, and every block that arrives restarts the wait (it
   * cancels that want): Helia's 10 ms default holds new wants back while blocks stream in, so the peer's queue
   * runs dry between bursts. 0 still batches the wants of one event-loop turn into one message.
   */
  wantListDebounceMs: 0,
  /**
   * A yamux stream's read buffer: libp2p's 4 MiB default is below the 16 MiB window yamux lets a sender fill,
   * so a busy receiver resets a stream holding a whole 4 MiB bitswap message; its blocks are never resent.
   */
  streamReadBufferBytes: 32 * 1024 * 1024,
} as const;

export interface HeliaNodeOptions {
  /** Holds `blocks/`, `datastore/` (the peer key included) and `repo.lock`. */
  dir: string;
  /** Multiaddrs to listen on (`[]`: dial out only). */
  listen?: readonly string[];
  /** Peers to dial at start (`/ip4/…/tcp/…/p2p/<ID>`): how a team shares a node without any public network. */
  peers?: readonly string[];
  /** Bootstrap peers, DHT and mDNS: only when the user asks for the public IPFS network. */
  publicNetwork?: boolean;
  idleTimeoutMs?: number;
  redialAfterMs?: number;
  dialTimeoutMs?: number;
}

export type ResolvedHeliaOptions = Required<HeliaNodeOptions>;

export function resolveHeliaOptions(options: HeliaNodeOptions): ResolvedHeliaOptions {
  return {
    dir: options.dir,
    listen: options.listen ?? HELIA_DEFAULTS.listen,
    peers: options.peers ?? [],
    publicNetwork: options.publicNetwork ?? false,
    idleTimeoutMs: options.idleTimeoutMs ?? HELIA_DEFAULTS.idleTimeoutMs,
    redialAfterMs: options.redialAfterMs ?? HELIA_DEFAULTS.redialAfterMs,
    dialTimeoutMs: options.dialTimeoutMs ?? HELIA_DEFAULTS.dialTimeoutMs,
  };
}

/** `$XDG_CACHE_HOME/image-trust/ipfs`, beside the registry cache. */
export function defaultHeliaDir(env: Record<string, string | undefined>, home: string): string {
  const base =
    env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== '' ? env.XDG_CACHE_HOME : join(home, '.cache');
  return join(base, 'image-trust', 'ipfs');
}
