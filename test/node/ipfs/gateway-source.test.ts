import { afterAll, describe, expect, it } from 'vitest';
import { createGatewaySource } from '../../../src/node/ipfs/gateway-source';
import { createNodeHash } from '../../../src/node/ipfs/node-hash';
import { createHttpTransport } from '../../../src/node/http-transport';
import { startIpfsGateway } from '../../rig/ipfs-gateway';
import { resetFaults } from '../../rig/ipfs-gateway-faults';
import { catAll, fingerprint, firstLeaf, servedFile, storeWithFile } from './source-fixture';

const http = createHttpTransport();
const sourceFor = (gateways: string[], extra = {}) =>
  createGatewaySource({ gateways, transport: http.transport, createHash: createNodeHash, ...extra });

describe('gateway source', () => {
  const served = servedFile(startIpfsGateway);
  afterAll(() => http.close());
  const fresh = () => resetFaults(served.server);

  it('reads a multi-block file from one CAR, checking every block', async () => {
    fresh();
    expect(fingerprint(await catAll(sourceFor([served.server.url]), served.file.cid))).toBe(
      fingerprint(served.file.bytes),
    );
    expect(served.server.requests).toEqual([expect.stringContaining('format=car')]);
  });

  describe('when the gateway serves no CARs', () => {
    it('reads raw blocks (root and four leaves)', async () => {
      fresh();
      served.server.faults.refuseCar = true;
      expect(fingerprint(await catAll(sourceFor([served.server.url]), served.file.cid))).toBe(
        fingerprint(served.file.bytes),
      );
      expect(served.server.requests.filter((r) => r.includes('format=raw'))).toHaveLength(5);
    });
  });

  describe('when a block is tampered with', () => {
    it.each([false, true])('fails with IPFS_BLOCK_INVALID (CAR refused: %s)', async (refuseCar) => {
      fresh();
      served.server.faults.refuseCar = refuseCar;
      served.server.faults.tamper.add((await firstLeaf(served.file.store, served.file.cid)).toString());
      await expect(catAll(sourceFor([served.server.url]), served.file.cid)).rejects.toMatchObject({
        code: 'IPFS_BLOCK_INVALID',
      });
    });
  });

  describe('when the gateway drops the connection mid-CAR', () => {
    it('fails with IPFS_CAR_INVALID when told not to continue block by block', async () => {
      fresh();
      served.server.faults.vanishAfterBytes = 400 * 1024;
      const source = sourceFor([served.server.url], { continueAfterCarFailure: false });
      await expect(catAll(source, served.file.cid)).rejects.toMatchObject({ code: 'IPFS_CAR_INVALID' });
    });

    it('reads the blocks the CAR did not bring as raw blocks', async () => {
      fresh();
      served.server.faults.vanishAfterBytes = 400 * 1024;
      expect(fingerprint(await catAll(sourceFor([served.server.url]), served.file.cid))).toBe(
        fingerprint(served.file.bytes),
      );
      expect(served.server.requests.filter((r) => r.includes('format=raw')).length).toBeGreaterThan(0);
    });
  });

  it('refuses a block above 2 MiB with IPFS_BLOCK_TOO_LARGE, over CAR and raw', async () => {
    const big = await storeWithFile(2 * 1024 * 1024 + 1, { chunkSize: 3 * 1024 * 1024 });
    const server = await startIpfsGateway(big.store);
    try {
      await expect(catAll(sourceFor([server.url]), big.cid)).rejects.toMatchObject({ code: 'IPFS_BLOCK_TOO_LARGE' });
      server.faults.refuseCar = true;
      await expect(catAll(sourceFor([server.url]), big.cid)).rejects.toMatchObject({ code: 'IPFS_BLOCK_TOO_LARGE' });
    } finally {
      await server.close();
    }
  });

  it('asks the next gateway when the first lacks the CID, and says IPFS_NOT_FOUND when none has it', async () => {
    fresh();
    const other = await storeWithFile(10);
    const empty = await startIpfsGateway(other.store);
    try {
      expect(fingerprint(await catAll(sourceFor([empty.url, served.server.url]), served.file.cid))).toBe(
        fingerprint(served.file.bytes),
      );
      await expect(catAll(sourceFor([empty.url]), served.file.cid)).rejects.toMatchObject({ code: 'IPFS_NOT_FOUND' });
    } finally {
      await empty.close();
    }
  });

  it('gives up with IPFS_TIMEOUT on a gateway that sends nothing', async () => {
    fresh();
    served.server.faults.stall = true;
    const source = sourceFor([served.server.url], { stallTimeoutMs: 200 });
    await expect(catAll(source, served.file.cid)).rejects.toMatchObject({ code: 'IPFS_TIMEOUT' });
  });

  it('refuses a plain-HTTP gateway that is not loopback with IPFS_CONFIG_INVALID', () => {
    expect(() => sourceFor(['http://served.server.example'])).toThrow(
      expect.objectContaining({ code: 'IPFS_CONFIG_INVALID' }),
    );
  });
});
