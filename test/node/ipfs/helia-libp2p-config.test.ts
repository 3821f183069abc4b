import { describe, expect, it } from 'vitest';
import { libp2pConfig } from '../../../src/node/ipfs/helia-libp2p-config';
import { defaultHeliaDir, resolveHeliaOptions } from '../../../src/node/ipfs/helia-options';

describe('the embedded node configuration', () => {
  it('listens on loopback only and discovers nobody by default', async () => {
    const config = await libp2pConfig(resolveHeliaOptions({ dir: '/tmp/x' }));
    expect(config.addresses?.listen).toEqual(['/ip4/127.0.0.1/tcp/0']);
    expect(config.peerDiscovery).toEqual([]);
    expect(Object.keys(config.services ?? {})).toEqual(['identify']);
  });

  it('adds bootstrap peers, mDNS and the DHT only when the public network is asked for', async () => {
    const config = await libp2pConfig(resolveHeliaOptions({ dir: '/tmp/x', publicNetwork: true }));
    expect(config.peerDiscovery).toHaveLength(2);
    expect(Object.keys(config.services ?? {}).sort()).toEqual(['dht', 'identify', 'ping']);
  });

  it('keeps its blocks under $XDG_CACHE_HOME/image-trust/ipfs, else ~/.cache', () => {
    expect(defaultHeliaDir({ XDG_CACHE_HOME: '/c' }, '/home/u')).toBe('/c/image-trust/ipfs');
    expect(defaultHeliaDir({}, '/home/u')).toBe('/home/u/.cache/image-trust/ipfs');
  });
});
