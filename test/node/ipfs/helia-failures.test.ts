import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importDirectory } from 'ipfs-unixfs-importer';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesOf, hashStream, heliaNodes, sha256 } from './helia-fixtures';
import { LyingBlockstore } from './helia-lying-blockstore';

const nodes = heliaNodes();
afterEach(() => nodes.stopAll());

const signal = () => AbortSignal.timeout(15_000);

/** Every file under `dir` with its size and modification time. */
async function snapshot(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return Promise.all(files.map(async (file) => `${file} ${(await stat(file)).size} ${(await stat(file)).mtimeMs}`));
}

async function blockFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(dir, 'blocks'), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('the embedded Helia node', () => {
  describe('when the peer vanishes mid-transfer', () => {
    it('fails with IPFS_TIMEOUT within the idle timeout', async () => {
      const a = await nodes.start();
      const cid = await a.node.sink.add(bytesOf(new Uint8Array(randomBytes(60 * 1024 * 1024))), { signal: signal() });
      const b = await nodes.start({ peers: a.node.addresses(), idleTimeoutMs: 1_500 });
      let received = 0;
      let stoppedAt = 0;
      await expect(async () => {
        for await (const chunk of b.node.source.cat(cid, { signal: signal() })) {
          received += chunk.length;
          if (stoppedAt === 0) {
            stoppedAt = performance.now();
            await a.node.stop();
          }
        }
      }).rejects.toMatchObject({ code: 'IPFS_TIMEOUT', details: { cid } });
      expect(received).toBeLessThan(60 * 1024 * 1024);
      expect(performance.now() - stoppedAt).toBeLessThan(4_000);
    });
  });

  describe('when a peer leaves a want unanswered (a lost bitswap message)', () => {
    async function withheldBlob(redialAfterMs: number, idleTimeoutMs: number) {
      const store = new LyingBlockstore();
      const a = await nodes.start({}, { blockstore: store });
      const blob = new Uint8Array(randomBytes(3 * 262_144));
      const cid = await a.node.sink.add(bytesOf(blob), { signal: signal() });
      store.withheldOnce.add((await store.node(cid)).Links[1]?.Hash.toString() as string);
      const b = await nodes.start({ peers: a.node.addresses(), redialAfterMs, idleTimeoutMs });
      return { blob, fetch: () => hashStream(b.node.source.cat(cid, { signal: signal() })) };
    }

    it('redials the peer, which then sends the block', async () => {
      const { blob, fetch } = await withheldBlob(300, 5_000);
      expect(await fetch()).toEqual({ digest: sha256(blob), size: blob.length });
    });

    it('without a redial before the idle timeout, fails with IPFS_TIMEOUT', async () => {
      const { fetch } = await withheldBlob(60_000, 1_500);
      await expect(fetch()).rejects.toMatchObject({ code: 'IPFS_TIMEOUT' });
    });
  });

  describe('when a block on its own disk was altered', () => {
    // A Helia peer ignores a re-want of a block it sent moments ago on the same connection (its ledger entry
    // is still 'sent'), so the block comes back on the next run, as after any corrupted cache.
    it('fails with IPFS_BLOCK_INVALID, drops the block, and the next run fetches it again from a peer', async () => {
      const a = await nodes.start();
      const blob = new Uint8Array(randomBytes(600_000));
      const cid = await a.node.sink.add(bytesOf(blob), { signal: signal() });
      const b = await nodes.start({ peers: a.node.addresses() });
      await hashStream(b.node.source.cat(cid, { signal: signal() }));
      const files = await blockFiles(b.dir);
      const victim = files[0] as string;
      const bytes = await readFile(victim);
      bytes[0] = (bytes[0] ?? 0) ^ 0xff;
      await writeFile(victim, bytes);
      await expect(hashStream(b.node.source.cat(cid, { signal: signal() }))).rejects.toMatchObject({
        code: 'IPFS_BLOCK_INVALID',
      });
      expect(await blockFiles(b.dir)).toHaveLength(files.length - 1);
      await b.node.stop();
      const next = await nodes.start({ dir: b.dir, peers: a.node.addresses() });
      expect(await hashStream(next.node.source.cat(cid, { signal: signal() }))).toEqual({
        digest: sha256(blob),
        size: blob.length,
      });
    });
  });

  it('writes nothing more to its directory once stopped, and keeps its peer ID for the next run', async () => {
    const a = await nodes.start();
    const cid = await a.node.sink.add(bytesOf(new Uint8Array(randomBytes(1000))), { signal: signal() });
    const b = await nodes.start({ peers: a.node.addresses() });
    await hashStream(b.node.source.cat(cid, { signal: signal() }));
    await b.node.stop();
    const stopped = await snapshot(b.dir);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await snapshot(b.dir)).toEqual(stopped);
    const again = await nodes.start({ dir: b.dir });
    expect(again.node.peerId).toBe(b.node.peerId);
  });

  it('refuses a second node on the same directory with IPFS_UNAVAILABLE', async () => {
    const a = await nodes.start();
    await expect(nodes.start({ dir: a.dir })).rejects.toMatchObject({ code: 'IPFS_UNAVAILABLE' });
  });

  it('takes over the lock of a process that is gone', async () => {
    const a = await nodes.start();
    await a.node.stop();
    await writeFile(join(a.dir, 'repo.lock'), '999999999');
    const again = await nodes.start({ dir: a.dir });
    expect(again.node.peerId).toBe(a.node.peerId);
  });

  describe('when the peers it was told to dial', () => {
    it('all fail, fails with IPFS_UNAVAILABLE', async () => {
      const a = await nodes.start();
      const [address] = a.node.addresses();
      await a.node.stop();
      await expect(nodes.start({ peers: [address as string], dialTimeoutMs: 2_000 })).rejects.toMatchObject({
        code: 'IPFS_UNAVAILABLE',
      });
    });

    it('include one that is not a multiaddr, fails with IPFS_UNAVAILABLE', async () => {
      await expect(nodes.start({ peers: ['127.0.0.1:4001'] })).rejects.toMatchObject({ code: 'IPFS_UNAVAILABLE' });
    });

    it('include one that answers, starts and fetches from it', async () => {
      const a = await nodes.start();
      const down = await nodes.start();
      const [gone] = down.node.addresses();
      await down.node.stop();
      const blob = new Uint8Array(randomBytes(1000));
      const cid = await a.node.sink.add(bytesOf(blob), { signal: signal() });
      const b = await nodes.start({ peers: [gone as string, ...a.node.addresses()], dialTimeoutMs: 2_000 });
      expect(await hashStream(b.node.source.cat(cid, { signal: signal() }))).toMatchObject({ digest: sha256(blob) });
    });
  });

  describe('cat', () => {
    it('fails with IPFS_CID_INVALID on text that is not a CID', async () => {
      const a = await nodes.start();
      await expect(hashStream(a.node.source.cat('not-a-cid', { signal: signal() }))).rejects.toMatchObject({
        code: 'IPFS_CID_INVALID',
      });
    });

    it('fails with IPFS_UNSUPPORTED on a CID that names a directory', async () => {
      const store = new LyingBlockstore();
      const a = await nodes.start({}, { blockstore: store });
      const dir = await importDirectory({ path: 'blobs' }, store);
      await expect(hashStream(a.node.source.cat(dir.cid.toString(), { signal: signal() }))).rejects.toMatchObject({
        code: 'IPFS_UNSUPPORTED',
      });
    });

    it("passes the caller's abort through, not as a timeout", async () => {
      const a = await nodes.start();
      const missing = await nodes.start();
      const cid = await missing.node.sink.add(bytesOf(new Uint8Array(randomBytes(100))), { signal: signal() });
      const caller = new AbortController();
      setTimeout(() => caller.abort(), 200);
      await expect(hashStream(a.node.source.cat(cid, { signal: caller.signal }))).rejects.toMatchObject({
        name: 'AbortError',
      });
    });
  });
});
