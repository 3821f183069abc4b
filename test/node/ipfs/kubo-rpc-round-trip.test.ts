import { randomBytes } from 'node:crypto';
import { MemoryBlockstore } from 'blockstore-core/memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKuboRpcSink, createKuboRpcSource } from '../../../src/node/ipfs/kubo-rpc-source';
import { toApiUrl } from '../../../src/node/ipfs/kubo-api-address';
import { createNodeHash } from '../../../src/node/ipfs/node-hash';
import type { IpfsTestServer } from '../../rig/ipfs-gateway';
import { startKuboRpcServer } from '../../rig/kubo-rpc-server';
import { catAll, fingerprint } from './source-fixture';

let server: IpfsTestServer;
beforeAll(async () => {
  server = await startKuboRpcServer(new MemoryBlockstore());
});
afterAll(() => server.close());

// The same contract against the test server always, and against a real Kubo daemon when KUBO_API names one
// (no Kubo binary can be installed on our machines; IPFS-NOTES §4).
const daemons = [
  { name: 'the Kubo-RPC test server', url: () => server.url },
  ...(process.env.KUBO_API
    ? [{ name: `Kubo at ${process.env.KUBO_API}`, url: () => toApiUrl(process.env.KUBO_API ?? '') }]
    : []),
];

describe.each(daemons)('Kubo RPC round trip with $name', ({ url }) => {
  it.each([100, 300 * 1024, 3 * 1024 * 1024])(
    'adds %i bytes and reads them back, every block checked',
    async (size) => {
      const bytes = new Uint8Array(randomBytes(size));
      const sink = await createKuboRpcSink(url());
      const cid = await sink.add(
        (async function* () {
          yield bytes;
        })(),
        { signal: AbortSignal.timeout(10_000) },
      );
      const source = await createKuboRpcSource({ url: url(), createHash: createNodeHash });
      expect(fingerprint(await catAll(source, cid))).toBe(fingerprint(bytes));
    },
  );
});
