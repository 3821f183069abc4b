import { describe, expect, it } from 'vitest';
import { createKuboRpcSink, createKuboRpcSource } from '../../../src/node/ipfs/kubo-rpc-source';
import { createNodeHash } from '../../../src/node/ipfs/node-hash';
import { addFile } from '../../rig/ipfs-gateway-store';
import { resetFaults } from '../../rig/ipfs-gateway-faults';
import { startKuboRpcServer } from '../../rig/kubo-rpc-server';
import { catAll, fingerprint, firstLeaf, servedFile, storeWithFile } from './source-fixture';

const sourceFor = (url: string) => createKuboRpcSource({ url, createHash: createNodeHash });

describe('Kubo RPC source', () => {
  const served = servedFile(startKuboRpcServer);
  const fresh = () => resetFaults(served.server);

  it('reads a file from a dag/export CAR, every block checked', async () => {
    fresh();
    expect(fingerprint(await catAll(await sourceFor(served.server.url), served.file.cid))).toBe(
      fingerprint(served.file.bytes),
    );
    expect(served.server.requests).toEqual([expect.stringMatching(/^POST \/api\/v0\/dag\/export\?arg=/)]);
  });

  it('reads the blocks the export left out as duplicates with block/get', async () => {
    const zeros = await storeWithFile(900 * 1024, { zeros: true });
    const server = await startKuboRpcServer(zeros.store);
    try {
      expect(fingerprint(await catAll(await sourceFor(server.url), zeros.cid))).toBe(fingerprint(zeros.bytes));
      expect(server.requests.filter((r) => r.includes('/block/get')).length).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('falls back to cat when the daemon cannot export', async () => {
    fresh();
    served.server.faults.refuseCar = true;
    expect(fingerprint(await catAll(await sourceFor(served.server.url), served.file.cid))).toBe(
      fingerprint(served.file.bytes),
    );
    expect(served.server.requests.at(-1)).toMatch(/^POST \/api\/v0\/cat\?arg=/);
  });

  describe('when the daemon serves a tampered block', () => {
    it('rejects the export with IPFS_BLOCK_INVALID', async () => {
      fresh();
      served.server.faults.tamper.add((await firstLeaf(served.file.store, served.file.cid)).toString());
      await expect(catAll(await sourceFor(served.server.url), served.file.cid)).rejects.toMatchObject({
        code: 'IPFS_BLOCK_INVALID',
      });
    });

    it('cannot tell over cat: the bytes differ, and only the OCI digest check (see fetch tests) catches it', async () => {
      fresh();
      served.server.faults.refuseCar = true;
      served.server.faults.tamper.add((await firstLeaf(served.file.store, served.file.cid)).toString());
      expect(fingerprint(await catAll(await sourceFor(served.server.url), served.file.cid))).not.toBe(
        fingerprint(served.file.bytes),
      );
    });
  });

  it('says IPFS_NOT_FOUND for a CID the daemon lacks', async () => {
    fresh();
    const other = await storeWithFile(10);
    await expect(catAll(await sourceFor(served.server.url), other.cid)).rejects.toMatchObject({
      code: 'IPFS_NOT_FOUND',
    });
  });

  it('gives up with IPFS_TIMEOUT on a daemon that sends nothing', async () => {
    fresh();
    served.server.faults.stall = true;
    const source = await createKuboRpcSource({
      url: served.server.url,
      createHash: createNodeHash,
      stallTimeoutMs: 200,
    });
    await expect(catAll(source, served.file.cid)).rejects.toMatchObject({ code: 'IPFS_TIMEOUT' });
  });

  it('says IPFS_UNAVAILABLE when no daemon listens', async () => {
    const closed = await startKuboRpcServer(served.file.store);
    await closed.close();
    await expect(catAll(await sourceFor(closed.url), served.file.cid)).rejects.toMatchObject({
      code: 'IPFS_UNAVAILABLE',
    });
  });

  it('adds bytes as `ipfs add --cid-version=1` does', async () => {
    fresh();
    const sink = await createKuboRpcSink(served.server.url);
    const bytes = new TextEncoder().encode('x'.repeat(300_000));
    const stream = (async function* () {
      yield bytes;
    })();
    const cid = await sink.add(stream, { signal: AbortSignal.timeout(5000) });
    expect(cid).toBe((await addFile(served.file.store, bytes)).toString());
    expect(served.server.requests.at(-1)).toMatch(/^POST \/api\/v0\/add\?/);
  });
});
