import { afterEach, describe, expect, it } from 'vitest';
import { hashStream, heliaNodes, randomBlob } from './helia-fixtures';

const nodes = heliaNodes();
afterEach(() => nodes.stopAll());

const SIZE = 100 * 1024 * 1024;

describe('a 100 MB layer between two embedded Helia nodes', () => {
  it('arrives over bitswap whole, with the digest it was added with, never held in memory at once', async () => {
    const a = await nodes.start();
    const blob = randomBlob(SIZE);
    const cid = await a.node.sink.add(blob.chunks(), { signal: AbortSignal.timeout(60_000) });
    const b = await nodes.start({ peers: a.node.addresses() });
    const fetched = await hashStream(b.node.source.cat(cid, { signal: AbortSignal.timeout(90_000) }));
    expect(fetched).toEqual({ digest: blob.digest(), size: SIZE });
  }, 180_000);
});
