import type { Blockstore } from 'interface-blockstore';
import { answerGatewayRequest } from '../../src/node/ipfs/trustless-gateway';
import { faultyLinks, noFaults, sendBody, servedBlock } from './ipfs-gateway-faults';
import { startIpfsServer, type IpfsTestServer } from './ipfs-gateway-http';

export type { IpfsTestServer };

/**
 * The product's trustless gateway (src/node/ipfs/trustless-gateway.ts) over any blockstore, with the rig's fault
 * switches in its block reads, links and bodies.
 */
export async function startIpfsGateway(store: Blockstore, faults = noFaults()): Promise<IpfsTestServer> {
  return startIpfsServer(store, faults, ({ request, response }) =>
    answerGatewayRequest(request, response, {
      read: (cid) => servedBlock(store, cid, faults),
      send: (out, chunks) => sendBody(out, chunks, faults),
      refuseCar: faults.refuseCar === true,
      linksOf: faultyLinks(faults),
    }),
  );
}
