import { MemoryBlockstore } from 'blockstore-core';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli';
import { captureIo } from '../../support/capture-io';
import { heliaNodes, hashStream, randomBlob } from './helia-fixtures';

const nodes = heliaNodes();
afterEach(() => nodes.stopAll());

const MiB = 1024 * 1024;
const signal = () => AbortSignal.timeout(30_000);

// Node A publishes a blob (pinned, as `ipfs add` does); node B fetches it over bitswap and also adds its own.
async function nodeHoldingAFetchedBlob() {
  const a = await nodes.start();
  const fetched = randomBlob(3 * MiB);
  const fetchedCid = await a.node.sink.add(fetched.chunks(), { signal: signal() });
  const b = await nodes.start({ peers: a.node.addresses() });
  expect(await hashStream(b.node.source.cat(fetchedCid, { signal: signal() }))).toEqual({
    digest: fetched.digest(),
    size: 3 * MiB,
  });
  const own = randomBlob(MiB);
  const ownCid = await b.node.sink.add(own.chunks(), { signal: signal() });
  return { a, b, fetchedCid, ownCid, ownDigest: own.digest() };
}

describe('garbage collection of the embedded node', () => {
  it('removes the blocks a fetch left behind and keeps what was added (pinned)', async () => {
    const { a, b, fetchedCid, ownCid, ownDigest } = await nodeHoldingAFetchedBlob();
    await a.node.stop();
    const collected = await b.node.collectGarbage();
    // 3 MiB in 256 KiB raw leaves plus the file's root node.
    expect(collected).toMatchObject({ removed: 13, failed: 0 });
    expect(collected.freedBytes).toBeGreaterThanOrEqual(3 * MiB);
    expect(await hashStream(b.node.source.cat(ownCid, { signal: signal() }))).toEqual({ digest: ownDigest, size: MiB });
    // A second run finds nothing more, and the fetched blob is gone: with its only peer stopped, a read waits.
    expect(await b.node.collectGarbage()).toEqual({ removed: 0, failed: 0, freedBytes: 0 });
    const gone = hashStream(b.node.source.cat(fetchedCid, { signal: AbortSignal.timeout(1_500) }));
    await expect(gone).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('`image-trust ipfs gc --ipfs-dir` says what it removed; a directory in use is a clear failure', async () => {
    const { b } = await nodeHoldingAFetchedBlob();
    const run = async () => {
      const captured = captureIo(b.dir, { HOME: b.dir });
      const status = await runCli(['ipfs', 'gc', '--ipfs-dir', b.dir], captured.io);
      return { status, stdout: captured.stdout(), stderr: captured.stderr() };
    };
    const busy = await run();
    expect(busy.status).toBe(3);
    expect(busy.stderr).toMatch(/in use|another|lock/i);
    await b.node.stop();
    const done = await run();
    expect(done).toMatchObject({ status: 0, stderr: '' });
    expect(done.stdout).toMatch(/^removed 13 unpinned blocks \(3\.0 MiB\)\n$/);
  });

  it('says how far it got when a block cannot be deleted', async () => {
    const a = await nodes.start();
    const cid = await a.node.sink.add(randomBlob(MiB).chunks(), { signal: signal() });
    const undeletable = new (class extends MemoryBlockstore {
      override delete(): never {
        throw new Error('permission denied');
      }
    })();
    const b = await nodes.start({ peers: a.node.addresses() }, { blockstore: undeletable });
    await hashStream(b.node.source.cat(cid, { signal: signal() }));
    expect(await b.node.collectGarbage()).toMatchObject({ failed: 1, stoppedBy: 'permission denied' });
  });

  it('takes no arguments', async () => {
    const captured = captureIo('/', { HOME: '/nonexistent' });
    expect(await runCli(['ipfs', 'gc', 'extra'], captured.io)).toBe(2);
    expect(captured.stderr()).toContain("takes no arguments, not 'extra'");
  });
});
