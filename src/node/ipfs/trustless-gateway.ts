import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CID } from 'multiformats/cid';
import { IpfsError } from '../../core/ipfs/ipfs-error';
import { carStream, type BlockRead, type CarStreamOptions } from './car-stream';

const RAW = 'application/vnd.ipld.raw';
const CAR = 'application/vnd.ipld.car';

/** Where the gateway's blocks come from and how a body goes out (the test rig injects its faults here). */
export interface GatewayBlocks {
  read: BlockRead;
  send?: (response: ServerResponse, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) => Promise<void>;
  refuseCar?: boolean;
  linksOf?: CarStreamOptions['linksOf'];
}

/**
 * One request to a trustless gateway (ipfs/specs trustless-gateway.md): `GET|HEAD /ipfs/{cid}` as one raw block
 * (`?format=raw` or `Accept: application/vnd.ipld.raw`) or a CARv1 of the whole DAG, depth first (`?format=car`
 * or `Accept: application/vnd.ipld.car`, `dups=y` honoured). Nothing is deserialized: 406 for anything else.
 */
export async function answerGatewayRequest(
  request: IncomingMessage,
  response: ServerResponse,
  blocks: GatewayBlocks,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://gateway');
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
  const send = blocks.send ?? sendStream;
  const head = request.method === 'HEAD';
  const bytes = await blocks.read(cid);
  if (bytes === undefined) return void response.writeHead(404).end('block not found');
  if (format === 'raw') {
    response.writeHead(200, { ...immutable(RAW), 'content-length': String(bytes.length), etag: `"${cid}.raw"` });
    return head ? void response.end() : send(response, [bytes]);
  }
  if (format !== 'car' || blocks.refuseCar === true)
    return void response.writeHead(406).end('only raw blocks and CARs');
  const dups = url.searchParams.get('car-dups') === 'y' || /dups=y/.test(accept);
  response.writeHead(200, immutable(`${CAR}; version=1; order=dfs; dups=${dups ? 'y' : 'n'}`));
  if (head) return void response.end();
  const read: BlockRead = (c) => (c.equals(cid) ? Promise.resolve(bytes) : blocks.read(c));
  const car = carStream(read, cid, { dups, ...(blocks.linksOf === undefined ? {} : { linksOf: blocks.linksOf }) });
  car.done.catch(() => undefined); // a vanished connection leaves the writer unread
  await send(response, car.out);
}

// Content addressed: the bytes under a CID never change.
const immutable = (type: string) => ({
  'content-type': type,
  'x-content-type-options': 'nosniff',
  'cache-control': 'public, max-age=29030400, immutable',
});

// With backpressure; a client that goes away ends the stream (and the CAR walk behind it) instead of hanging.
async function sendStream(response: ServerResponse, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
  await pipeline(Readable.from(chunks, { objectMode: false }), response);
}

export interface TrustlessGatewayServer {
  /** `http://host:port`, what `fetch --ipfs-gateway` takes. */
  url: string;
  close(): Promise<void>;
}

/** A trustless gateway over `read` on `host:port` (port 0: the OS picks); a failed request ends its connection. */
export async function startTrustlessGateway(
  read: BlockRead,
  listen: { host: string; port: number },
): Promise<TrustlessGatewayServer> {
  const server = createServer((request, response) => {
    answerGatewayRequest(request, response, { read }).catch(() => {
      if (response.headersSent) return void response.destroy();
      // Nothing of the error goes out: it may name local paths.
      response.writeHead(500, { 'content-type': 'text/plain' }).end('the block store failed');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      const message = `cannot serve the gateway on ${listen.host}:${listen.port}: ${error.message}`;
      reject(new IpfsError('IPFS_UNAVAILABLE', message, { source: 'gateway' }, error));
    });
    server.listen(listen.port, listen.host, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
