import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Blockstore } from 'interface-blockstore';
import { exporter } from 'ipfs-unixfs-exporter';
import { CID } from 'multiformats/cid';
import { carStream } from '../../src/node/ipfs/car-stream';
import { faultyBlockstore, faultyLinks, noFaults, sendBody, servedBlock } from './ipfs-gateway-faults';
import { startIpfsServer, type IpfsExchange, type IpfsTestServer } from './ipfs-gateway-http';
import { addFile } from './ipfs-gateway-store';

/**
 * The Kubo RPC subset the fetch and publish paths use, with Kubo's wire format (POST, `arg=`, JSON errors
 * `{Message, Code, Type}`, NDJSON from `add`): `cat`, `block/get`, `dag/export` (a CAR, no duplicate blocks, as
 * Kubo writes it) and `add` (cid-version 1 with Kubo's defaults). `url` is the API root, `.../api/v0`.
 */
export async function startKuboRpcServer(store: Blockstore, faults = noFaults()): Promise<IpfsTestServer> {
  const server = await startIpfsServer(store, faults, serve);
  return { ...server, url: `${server.url}/api/v0` };
}

async function serve({ store, faults, request, response, url }: IpfsExchange) {
  if (request.method !== 'POST') return kuboError(response, 405, `${request.method} not allowed`);
  const command = url.pathname.replace(/^\/api\/v0\//, '');
  if (command === 'add') return add(store, request, response);
  const cid = parseArg(url.searchParams.get('arg'));
  if (cid === undefined) return kuboError(response, 400, 'invalid path: not a CID');
  if (!(await store.has(cid))) return kuboError(response, 500, 'block was not found locally (offline)');
  if (command === 'block/get') {
    const bytes = await servedBlock(store, cid, faults);
    response.writeHead(200, { 'content-type': 'text/plain', 'x-stream-output': '1' });
    return sendBody(response, bytes === undefined ? [] : [bytes], faults);
  }
  if (command === 'cat') {
    const entry = await exporter(cid, faultyBlockstore(store, faults));
    if (entry.type !== 'file' && entry.type !== 'raw') return kuboError(response, 500, 'this dag node is a directory');
    response.writeHead(200, { 'content-type': 'text/plain', 'x-stream-output': '1' });
    return sendBody(response, entry.content() as AsyncIterable<Uint8Array>, faults);
  }
  if (command === 'dag/export' && !faults.refuseCar) {
    response.writeHead(200, { 'content-type': 'application/vnd.ipld.car', 'x-stream-output': '1' });
    const car = carStream((c) => servedBlock(store, c, faults), cid, { dups: false, linksOf: faultyLinks(faults) });
    car.done.catch(() => undefined);
    return sendBody(response, car.out, faults);
  }
  return kuboError(response, 404, `unknown command "${command}"`);
}

// Kubo's `add` takes multipart form data; each file part becomes one UnixFS file.
async function add(store: Blockstore, request: IncomingMessage, response: ServerResponse) {
  const body = new Request('http://127.0.0.1/', {
    method: 'POST',
    headers: { 'content-type': request.headers['content-type'] ?? '' },
    body: request as unknown as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const form = await body.formData();
  const lines: string[] = [];
  for (const [name, value] of form) {
    if (typeof value === 'string') continue;
    const bytes = new Uint8Array(await value.arrayBuffer());
    const cid = await addFile(store, bytes);
    lines.push(
      JSON.stringify({
        Name: decodeURIComponent(value.name || name),
        Hash: cid.toString(),
        Size: String(bytes.length),
      }),
    );
  }
  response.writeHead(200, { 'content-type': 'application/json', 'x-chunked-output': '1' });
  response.end(lines.map((line) => `${line}\n`).join(''));
}

function parseArg(arg: string | null): CID | undefined {
  try {
    return CID.parse((arg ?? '').replace(/^\/ipfs\//, ''));
  } catch {
    return undefined;
  }
}

function kuboError(response: ServerResponse, status: number, message: string) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ Message: message, Code: 0, Type: 'error' }));
}
