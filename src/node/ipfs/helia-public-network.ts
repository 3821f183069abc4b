import { bootstrap } from '@libp2p/bootstrap';
import { kadDHT, removePrivateAddressesMapper } from '@libp2p/kad-dht';
import { mdns } from '@libp2p/mdns';
import { ping } from '@libp2p/ping';

// Kubo's default bootstrap peers (kubo config/bootstrap_peers.go), as Helia's own defaults list them.
const BOOTSTRAP = [
  '/dnsaddr/bootstrap.libp2p.io/p2p/QmNnooDu7bfjPFoTZYxMNLWUQJyrVwtbZg5gBMjTezGAJN',
  '/dnsaddr/bootstrap.libp2p.io/p2p/QmbLHAnMoJPWSCR5Zhtx6BHJX9KiKNN6tpvbUcqanj75Nb',
  '/dnsaddr/bootstrap.libp2p.io/p2p/QmcZf59bWwK5XFi76CZX8cbJ4BhTzzA3gU1ZjYZcYW3dwt',
  '/ip4/104.131.131.82/tcp/4001/p2p/QmaCpDMGvV2BGHeYERUEnRQAwe3N8SzbUtfsmvsqQLuvuJ',
];

/** What "public network" adds to the LAN node: bootstrap peers, the Amino DHT (client mode) and mDNS. */
export function publicNetworkAdditions() {
  return {
    peerDiscovery: [bootstrap({ list: BOOTSTRAP }), mdns()],
    services: {
      ping: ping(),
      dht: kadDHT({
        protocol: '/ipfs/kad/1.0.0',
        clientMode: true,
        peerInfoMapper: removePrivateAddressesMapper,
      }),
    },
  };
}
