import { noise } from '@chainsafe/libp2p-noise';
import { yamux } from '@chainsafe/libp2p-yamux';
import type { CreateLibp2pOptions } from '@helia/libp2p';
import { identify } from '@libp2p/identify';
import { tcp } from '@libp2p/tcp';
import { MemoryDatastore } from 'datastore-core';
import { HELIA_DEFAULTS, type ResolvedHeliaOptions } from './helia-options';
import { withAdvertisedWindow } from './helia-yamux-window';

// yamux's own stream defaults (its type wants all five), with a read buffer above the window.
const YAMUX_STREAMS = {
  initialStreamWindowSize: 256 * 1024,
  maxStreamWindowSize: 16 * 1024 * 1024,
  inactivityTimeout: 120_000,
  maxReadBufferLength: HELIA_DEFAULTS.streamReadBufferBytes,
  maxWriteBufferLength: Infinity,
};

/**
 * libp2p for a LAN node (IPFS-NOTES §3): TCP + noise + yamux + identify, listening where asked and discovering
 * nobody. The peer key lives in Helia's datastore on disk (a stable peer ID), peer records in memory.
 * Enterprises ban P2P by default, so the public network (bootstrap, DHT, mDNS) is only added on request, from a
 * module loaded just then.
 */
export async function libp2pConfig(options: ResolvedHeliaOptions): Promise<CreateLibp2pOptions> {
  const lan = {
    // Peer records stay in memory: a stopped node writes nothing more to its directory (libp2p updates a peer's
    // record about a second after its connection closes), and a new run dials only the peers it is given.
    datastore: new MemoryDatastore(),
    addresses: { listen: [...options.listen] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [withAdvertisedWindow(yamux({ streamOptions: YAMUX_STREAMS }), YAMUX_STREAMS.maxStreamWindowSize)],
    peerDiscovery: [],
    services: { identify: identify() },
  };
  if (!options.publicNetwork) return lan;
  const { publicNetworkAdditions } = await import('./helia-public-network');
  const additions = publicNetworkAdditions();
  return {
    ...lan,
    peerDiscovery: additions.peerDiscovery,
    // The DHT needs the ping service from this same map, which the index-signature type cannot express.
    services: { ...lan.services, ...additions.services } as unknown as NonNullable<CreateLibp2pOptions['services']>,
  };
}
