import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import * as dagPb from '@ipld/dag-pb';
import { FsBlockstore } from 'blockstore-fs';
import { CID } from 'multiformats/cid';
import { afterEach, describe, expect, it } from 'vitest';
import { rawCidForDigest } from '../../../src/core/ipfs/digest-cid';
import { bytesOf, hashStream, heliaNodes, sha256 } from './helia-fixtures';
import { LyingBlockstore } from './helia-lying-blockstore';

const nodes = heliaNodes();
afterEach(() => nodes.stopAll());

const signal = () => AbortSignal.timeout(15_000);

describe('two embedded Helia nodes on 127.0.0.1', () => {
  it('node B fetches over bitswap what node A added, and the bytes hash to the blob digests', async () => {
    const a = await nodes.start();
    const blobs = [
      new TextEncoder().encode('{"architecture":"amd64","os":"linux","rootfs":{"type":"layers"}}'),
      new Uint8Array(randomBytes(100 * 1024)),
      new Uint8Array(randomBytes(5 * 1024 * 1024 + 7)),
    ];
    const cids = [];
    for (const blob of blobs) cids.push(await a.node.sink.add(bytesOf(blob), { signal: signal() }));
    const b = await nodes.start({ peers: a.node.addresses() });
    for (const [i, blob] of blobs.entries()) {
      const fetched = await hashStream(b.node.source.cat(cids[i] as string, { signal: signal() }));
      expect(fetched).toEqual({ digest: sha256(blob), size: blob.length });
    }
  });

  it('gives a blob of at most one 256 KiB chunk the raw CID of its digest, as Kubo does', async () => {
    const a = await nodes.start();
    for (const size of [0, 262_144]) {
      const blob = new Uint8Array(randomBytes(size));
      const cid = await a.node.sink.add(bytesOf(blob), { signal: signal() });
      expect(cid).toBe(rawCidForDigest(sha256(blob), size));
    }
  });

  it('lays a blob larger than one block out as Kubo --cid-version=1: 256 KiB raw leaves under a dag-pb root', async () => {
    const store = new LyingBlockstore();
    const a = await nodes.start({}, { blockstore: store });
    const blob = new Uint8Array(randomBytes(3 * 262_144 + 1));
    const cid = await a.node.sink.add(bytesOf(blob), { signal: signal() });
    const root = await store.node(cid);
    expect(CID.parse(cid).code).toBe(dagPb.code);
    expect(root.Links.map((link) => [link.Hash.code, link.Tsize])).toEqual([
      [0x55, 262_144],
      [0x55, 262_144],
      [0x55, 262_144],
      [0x55, 1],
    ]);
    const b = await nodes.start({ peers: a.node.addresses() });
    expect(await hashStream(b.node.source.cat(cid, { signal: signal() }))).toEqual({
      digest: sha256(blob),
      size: blob.length,
    });
  });

  describe('when peer A serves wrong bytes for a block', () => {
    // Bitswap names a received block by the hash of its bytes: wrong bytes are a block nobody asked for.
    it('never accepts them: the bytes before that block are right, then IPFS_TIMEOUT, and B stores nothing of it', async () => {
      const store = new LyingBlockstore();
      const a = await nodes.start({}, { blockstore: store });
      const blob = new Uint8Array(randomBytes(4 * 262_144));
      const cid = await a.node.sink.add(bytesOf(blob), { signal: signal() });
      const leaf = (await store.node(cid)).Links[2]?.Hash as CID;
      store.tampered.add(leaf.toString());
      const b = await nodes.start({ peers: a.node.addresses(), idleTimeoutMs: 2_000 });
      const received: Uint8Array[] = [];
      const started = performance.now();
      await expect(async () => {
        for await (const chunk of b.node.source.cat(cid, { signal: signal() })) received.push(chunk);
      }).rejects.toMatchObject({ code: 'IPFS_TIMEOUT', details: { cid, source: 'helia' } });
      expect(performance.now() - started).toBeLessThan(6_000);
      expect(Buffer.concat(received)).toEqual(Buffer.from(blob.subarray(0, 2 * 262_144)));
      await b.node.stop();
      const kept = new FsBlockstore(join(b.dir, 'blocks'));
      await kept.open();
      expect(await kept.has(leaf)).toBe(false);
    });
  });
});
