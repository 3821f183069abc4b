import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Blockstore } from 'interface-blockstore';
import { droppedForGood, type IpfsServerFaults } from './ipfs-gateway-faults';

export type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void>;

/** A node:http server on 127.0.0.1 and an OS-picked port; a handler failure becomes a 500 (or a cut connection). */
export async function listenLoopback(
  handler: Handler,
): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(`${request.method} ${url.pathname}${url.search}`);
    handler(request, response, url).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface IpfsTestServer {
  url: string;
  faults: IpfsServerFaults;
  /** `METHOD /path?query` of every request, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** One request to an IPFS test server, with the blockstore it serves and its fault switches. */
export interface IpfsExchange {
  store: Blockstore;
  faults: IpfsServerFaults;
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
}

/** An IPFS test server over `store`; once it has vanished for good every connection is dropped at once. */
export async function startIpfsServer(
  store: Blockstore,
  faults: IpfsServerFaults,
  route: (exchange: IpfsExchange) => Promise<void>,
): Promise<IpfsTestServer> {
  const server = await listenLoopback(async (request, response, url) => {
    if (droppedForGood(response, faults)) return;
    if (faults.stall) return new Promise<void>((resolve) => response.once('close', resolve));
    await route({ store, faults, request, response, url });
  });
  return { ...server, faults };
}
