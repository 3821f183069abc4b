import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import * as dagPb from '@ipld/dag-pb';
import { afterEach, describe, expect, it } from 'vitest';
import { readCarBlocks } from '../../../src/core/ipfs/car-blocks';
import { startTrustlessGateway, type TrustlessGatewayServer } from '../../../src/node/ipfs/trustless-gateway';
import { addFile, CID, MemoryBlockstore, readBlock } from '../../rig/ipfs-gateway-store';

const servers: TrustlessGatewayServer[] = [];
afterEach(async () => Promise.all(servers.splice(0).map((server) => server.close())));

async function gatewayOver(store: MemoryBlockstore) {
  const server = await startTrustlessGateway((cid) => readBlock(store, cid), { host: '127.0.0.1', port: 0 });
  servers.push(server);
  return server;
}

// The DAG in depth-first order, each block once per link (what a CAR with dups=y holds).
async function depthFirst(store: MemoryBlockstore, cid: CID): Promise<string[]> {
  const bytes = (await readBlock(store, cid)) as Uint8Array;
  if (cid.code !== dagPb.code) return [cid.toString()];
  const children = await Promise.all(dagPb.decode(bytes).Links.map((link) => depthFirst(store, link.Hash)));
  return [cid.toString(), ...children.flat()];
}

async function carCids(url: string) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const cids: string[] = [];
  for await (const block of readCarBlocks(response.body as AsyncIterable<Uint8Array>, 'test')) {
    cids.push(block.cid.toString());
  }
  return { cids, type: response.headers.get('content-type') };
}

describe('the trustless gateway `ipfs serve --gateway` runs', () => {
  it('streams a two-level DAG as a CAR in depth-first order, reading ahead without reordering', async () => {
    const store = new MemoryBlockstore();
    // 300 leaves of 1 KiB: more than one node's 174 links, so the root links to inner nodes.
    const root = await addFile(store, randomBytes(300 * 1024), 1024);
    const gateway = await gatewayOver(store);
    const { cids, type } = await carCids(`${gateway.url}/ipfs/${root}?format=car&car-dups=y`);
    expect(type).toBe('application/vnd.ipld.car; version=1; order=dfs; dups=y');
    expect(cids).toEqual(await depthFirst(store, root));
    expect(cids.length).toBe(303);
  });

  it('writes a repeated block once unless dups=y is asked for', async () => {
    const store = new MemoryBlockstore();
    const root = await addFile(store, new Uint8Array(4 * 256 * 1024)); // four identical leaves
    const gateway = await gatewayOver(store);
    expect((await carCids(`${gateway.url}/ipfs/${root}?format=car`)).cids).toHaveLength(2);
    const withDups = await carCids(`${gateway.url}/ipfs/${root}?format=car&car-dups=y`);
    expect(withDups.cids).toHaveLength(5);
  });

  it('serves one raw block, answers HEAD without a body, and refuses what it cannot serve', async () => {
    const store = new MemoryBlockstore();
    const root = await addFile(store, randomBytes(1000));
    const gateway = await gatewayOver(store);
    const raw = await fetch(`${gateway.url}/ipfs/${root}`, { headers: { accept: 'application/vnd.ipld.raw' } });
    expect(raw.headers.get('content-type')).toBe('application/vnd.ipld.raw');
    expect(Buffer.from(await raw.arrayBuffer())).toEqual(Buffer.from((await readBlock(store, root)) as Uint8Array));
    const head = await fetch(`${gateway.url}/ipfs/${root}?format=raw`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length'), (await head.arrayBuffer()).byteLength]).toEqual([
      200,
      '1000',
      0,
    ]);
    const missing = CID.parse('bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy');
    const status = async (path: string, init?: RequestInit) => (await fetch(`${gateway.url}${path}`, init)).status;
    expect(await status(`/ipfs/${missing}?format=raw`)).toBe(404);
    expect(await status('/ipfs/not-a-cid?format=raw')).toBe(400);
    expect(await status(`/ipfs/${root}`)).toBe(406); // no deserialized responses
    expect(await status(`/ipfs/${root}?format=raw`, { method: 'POST' })).toBe(404);
    expect(await status('/')).toBe(404);
  });

  it('keeps serving after a client drops a CAR halfway, and a failing store cuts the CAR short', async () => {
    const store = new MemoryBlockstore();
    const root = await addFile(store, randomBytes(8 * 1024 * 1024));
    const gateway = await gatewayOver(store);
    await new Promise<void>((resolve, reject) => {
      const req = request(`${gateway.url}/ipfs/${root}?format=car`, (response) => {
        response.once('data', () => {
          response.destroy();
          resolve();
        });
      });
      req.on('error', reject).end();
    });
    expect((await carCids(`${gateway.url}/ipfs/${root}?format=car`)).cids).toHaveLength(33);

    let reads = 0;
    const failing = await startTrustlessGateway(
      async (cid) => {
        if (++reads > 3) throw new Error('disk gone');
        return readBlock(store, cid);
      },
      { host: '127.0.0.1', port: 0 },
    );
    servers.push(failing);
    await expect(carCids(`${failing.url}/ipfs/${root}?format=car`)).rejects.toThrow();
    // Before any byte was sent: a 500 that says nothing of the error (it may name local paths).
    const refused = await fetch(`${failing.url}/ipfs/${root}?format=raw`);
    expect([refused.status, await refused.text()]).toEqual([500, 'the block store failed']);
  });

  it('says clearly when it cannot listen where asked', async () => {
    const first = await gatewayOver(new MemoryBlockstore());
    const port = Number(new URL(first.url).port);
    const taken = startTrustlessGateway(async () => undefined, { host: '127.0.0.1', port });
    await expect(taken).rejects.toMatchObject({
      code: 'IPFS_UNAVAILABLE',
      message: expect.stringContaining(`cannot serve the gateway on 127.0.0.1:${port}`),
    });
  });
});
