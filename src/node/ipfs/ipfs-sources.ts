import type { IpfsBlobSource } from '../../core/ipfs/blob-source';
import type { Transport } from '../../core/registry/ports';
import { createGatewaySource } from './gateway-source';
import { createNodeHash } from './node-hash';

export interface HttpSourceSettings {
  /** The Kubo RPC API root (findKuboApi), when there is a daemon. */
  kuboApi?: string;
  gateways: readonly string[];
  transport: Transport;
  /** host[:port] a gateway may be reached at over plain HTTP besides loopback. */
  insecureHosts: readonly string[];
}

/** The Kubo daemon (its client loaded only when there is one) and the gateways: the sources that speak HTTP. */
export async function httpIpfsSources(
  settings: HttpSourceSettings,
): Promise<{ kubo?: IpfsBlobSource; gateway?: IpfsBlobSource }> {
  const { kuboApi, gateways, transport, insecureHosts } = settings;
  const gateway =
    gateways.length === 0
      ? undefined
      : createGatewaySource({ gateways, transport, createHash: createNodeHash, insecureHosts });
  if (kuboApi === undefined) return gateway === undefined ? {} : { gateway };
  const { createKuboRpcSource } = await import('./kubo-rpc-source');
  const kubo = await createKuboRpcSource({ url: kuboApi, createHash: createNodeHash });
  return gateway === undefined ? { kubo } : { kubo, gateway };
}
