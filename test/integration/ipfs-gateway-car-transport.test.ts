import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../src/node/http-transport';
import { createGatewaySource } from '../../src/node/ipfs/gateway-source';
import { createNodeHash } from '../../src/node/ipfs/node-hash';
import { catAll, fingerprint, servedFile } from '../node/ipfs/source-fixture';
import { injectRig } from '../rig/inject-rig';
import { startIpfsGateway } from '../rig/ipfs-gateway';
import { resetFaults } from '../rig/ipfs-gateway-faults';
import {
  fetchCli,
  httpsGateway,
  ipfsWithImage,
  tempWork,
  type FaultProxy,
  type IpfsWithImage,
} from './ipfs-fetch-support';

const rig = injectRig();
// No certs.d: the rig's CA is trusted through `caFiles` (the CLI's --ca-file) or not at all.
const trusting = createHttpTransport({ caFiles: [rig.tls.caFile], certsDirs: [] });
const untrusting = createHttpTransport({ certsDirs: [] });
afterAll(() => [trusting, untrusting].forEach((t) => t.close()));

const sourceFor = (gateways: string[], transport = trusting.transport) =>
  createGatewaySource({ gateways, transport, createHash: createNodeHash });
const carRequests = (requests: string[]) => requests.filter((r) => r.includes('format=car'));

describe('the gateway source over HTTPS signed by a CA given to the transport', () => {
  const served = servedFile(startIpfsGateway);
  let https: FaultProxy;
  beforeAll(async () => {
    https = await httpsGateway(rig, served.server);
  });
  afterAll(() => https.stop());
  afterEach(() => {
    resetFaults(served.server);
    https.clearFaults();
    https.requests.length = 0;
  });

  it('reads the file from one CAR through the transport', async () => {
    expect(fingerprint(await catAll(sourceFor([https.url]), served.file.cid))).toBe(fingerprint(served.file.bytes));
    expect(served.server.requests).toEqual([expect.stringContaining('format=car')]);
  });

  it('fails with IPFS_UNAVAILABLE caused by the untrusted certificate when the transport lacks the CA', async () => {
    await expect(catAll(sourceFor([https.url], untrusting.transport), served.file.cid)).rejects.toMatchObject({
      code: 'IPFS_UNAVAILABLE',
      message: expect.stringContaining('certificate is not trusted'),
      cause: { code: 'REGISTRY_TLS', details: { tls: 'certificate' } },
    });
    expect(served.server.requests).toEqual([]);
  });

  it('refuses a CAR the gateway redirects elsewhere with IPFS_UNAVAILABLE', async () => {
    const path = /format=car/;
    https.addFault({ match: { path }, fault: { kind: 'redirect', location: `${served.server.url}/elsewhere` } });
    await expect(catAll(sourceFor([https.url]), served.file.cid)).rejects.toMatchObject({
      code: 'IPFS_UNAVAILABLE',
      message: expect.stringContaining('redirected the CAR request'),
    });
  });

  it('reads raw blocks when the CAR request is answered 200 with something other than a CAR', async () => {
    https.addFault({ match: { path: /format=car/ }, fault: { kind: 'status', status: 200, body: '{}' } });
    expect(fingerprint(await catAll(sourceFor([https.url]), served.file.cid))).toBe(fingerprint(served.file.bytes));
    expect(served.server.requests.filter((r) => r.includes('format=raw'))).toHaveLength(5);
    expect(carRequests(served.server.requests)).toEqual([]);
  });
});

describe('image-trust fetch ipfs://CID --ipfs-gateway https://… --ca-file', () => {
  let ipfs: IpfsWithImage;
  let https: FaultProxy;
  let work: Awaited<ReturnType<typeof tempWork>>;
  beforeAll(async () => {
    ipfs = await ipfsWithImage(rig, 'v1');
    https = await httpsGateway(rig, ipfs.gateway);
    work = await tempWork();
  });
  afterAll(async () => {
    await Promise.all([ipfs.close(), https.stop(), work.remove()]);
  });
  afterEach(() => resetFaults(ipfs.gateway));

  it('fetches every blob as a CAR from the gateway the CA file makes trusted', async () => {
    const args = ['--ipfs-gateway', https.url, '--ca-file', rig.tls.caFile, '--output', `${work.dir}/trusted`];
    const { status, report } = await fetchCli(work.dir, ipfs.image.reference, ...args);
    expect(status).toBe(0);
    expect(report?.blobs.every((b) => b.source === 'gateway')).toBe(true);
    // The descriptor and every blob, each one CAR: no raw-block fallback.
    expect(carRequests(ipfs.gateway.requests)).toHaveLength(ipfs.image.blobs.length + 1);
    expect(ipfs.gateway.requests).toEqual(carRequests(ipfs.gateway.requests));
  });

  it('fails without --ca-file, saying the gateway certificate is not trusted', async () => {
    const args = ['--ipfs-gateway', https.url, '--output', `${work.dir}/untrusted`];
    const { status, report } = await fetchCli(work.dir, ipfs.image.reference, ...args);
    expect({ status, code: report?.code }).toEqual({ status: 3, code: 'IPFS_UNAVAILABLE' });
    expect(report?.error).toContain('certificate is not trusted');
    expect(ipfs.gateway.requests).toEqual([]);
  });
});
