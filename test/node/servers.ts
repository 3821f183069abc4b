import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface TestServer {
  server: http.Server;
  port: number;
  origin: string;
  /** TCP connections accepted so far. */
  connections: () => number;
  close(): Promise<void>;
}

/** Starts an HTTP (or, with `tls`, HTTPS) server on 127.0.0.1 with an ephemeral port. */
export type ServerTls = https.ServerOptions;

export async function startServer(handler: Handler, tls?: ServerTls): Promise<TestServer> {
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  let connections = 0;
  server.on(tls ? 'secureConnection' : 'connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    connections: () => connections,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Closes every server a test started, even when the test failed. */
export function serverPool() {
  const started: TestServer[] = [];
  return {
    start: async (handler: Handler, tls?: ServerTls) => {
      const server = await startServer(handler, tls);
      started.push(server);
      return server;
    },
    closeAll: async () => {
      await Promise.all(started.splice(0).map((s) => s.close()));
    },
  };
}
