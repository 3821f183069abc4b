import type { ServerResponse } from 'node:http';
import type { Blockstore } from 'interface-blockstore';
import { CID } from 'multiformats/cid';
import { carStream } from './ipfs-gateway-car';
import { noFaults, sendBody, servedBlock, type IpfsServerFaults } from './ipfs-gateway-faults';
import { startIpfsServer, type IpfsExchange, type IpfsTestServer } from './ipfs-gateway-http';

export type { IpfsTestServer };

const RAW = 'application/vnd.ipld.raw';
const CAR = 'application/vnd.ipld.car';

/**
 * A trustless gateway (ipfs/specs trustless-gateway.md) over any blockstore: `GET|HEAD /ipfs/{cid}` as one raw
 * block (`?format=raw` or `Accept: application/vnd.ipld.raw`) or a CARv1 of the whole DAG, depth first
 * (`?format=car` or `Accept: application/vnd.ipld.car`, `dups=y` honoured). Nothing deserialized: 406 otherwise.
 */
export async function startIpfsGateway(store: Blockstore, faults = noFaults()): Promise<IpfsTestServer> {
  return startIpfsServer(store, faults, serve);
}

async function serve({ store, faults, request, response, url }: IpfsExchange) {
  const match = /^\/ipfs\/([^/]+)$/.exec(url.pathname);
  if (match === null || (request.method !== 'GET' && request.method !== 'HEAD'))
    return void response.writeHead(404).end();
  let cid: CID;
  try {
    cid = CID.parse(match[1] ?? '');
  } catch {
    return void response.writeHead(400).end('invalid CID');
  }
  const accept = request.headers.accept ?? '';
  const format = url.searchParams.get('format') ?? (accept.includes(CAR) ? 'car' : accept.includes(RAW) ? 'raw' : '');
  const bytes = await servedBlock(store, cid, faults);
  if (bytes === undefined) return void response.writeHead(404).end('block not found');
  if (format === 'raw') return sendRaw(response, request.method === 'HEAD', cid, bytes, faults);
  if (format !== 'car' || faults.refuseCar) return void response.writeHead(406).end('only raw blocks and CARs');
  const dups = url.searchParams.get('car-dups') === 'y' || /dups=y/.test(accept);
  response.writeHead(200, {
    'content-type': `${CAR}; version=1; order=dfs; dups=${dups ? 'y' : 'n'}`,
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') return void response.end();
  const car = carStream(store, cid, faults, dups);
  car.done.catch(() => undefined); // a vanished connection leaves the writer unread
  await sendBody(response, car.out, faults);
}

async function sendRaw(response: ServerResponse, head: boolean, cid: CID, bytes: Uint8Array, faults: IpfsServerFaults) {
  response.writeHead(200, {
    'content-type': RAW,
    'content-length': String(bytes.length),
    'x-content-type-options': 'nosniff',
    etag: `"${cid}.raw"`,
    'cache-control': 'public, max-age=29030400, immutable',
  });
  if (head) return void response.end();
  await sendBody(response, [bytes], faults);
}
