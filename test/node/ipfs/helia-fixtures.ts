import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHeliaNode, type HeliaNode, type HeliaNodeTestSeams } from '../../../src/node/ipfs/helia-node';
import type { HeliaNodeOptions } from '../../../src/node/ipfs/helia-options';

export interface TestNode {
  node: HeliaNode;
  dir: string;
}

/** Nodes started in temp dirs on 127.0.0.1; `stopAll()` in afterEach stops them and removes the dirs. */
export function heliaNodes() {
  const started: TestNode[] = [];
  return {
    async start(options: Partial<HeliaNodeOptions> = {}, seams: HeliaNodeTestSeams = {}): Promise<TestNode> {
      const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'image-trust-helia-')));
      const node = await startHeliaNode({ ...options, dir }, seams);
      started.push({ node, dir });
      return { node, dir };
    },
    async stopAll(): Promise<void> {
      const all = started.splice(0);
      await Promise.all(all.map(({ node }) => node.stop()));
      await Promise.all(all.map(({ dir }) => rm(dir, { recursive: true, force: true, maxRetries: 5 })));
    },
  };
}

/** `size` random bytes in 64 KiB chunks, never all in memory, with the sha256 digest the chunks add up to. */
export function randomBlob(size: number) {
  const hash = createHash('sha256');
  const chunks = async function* () {
    for (let sent = 0; sent < size;) {
      const chunk = randomBytes(Math.min(65_536, size - sent));
      hash.update(chunk);
      sent += chunk.length;
      yield new Uint8Array(chunk);
    }
  };
  return { chunks, digest: () => `sha256:${hash.digest('hex')}` };
}

export async function* bytesOf(buffer: Uint8Array): AsyncIterable<Uint8Array> {
  yield buffer;
}

/** Streams a cat through sha256 without keeping it: the digest and size the caller checks. */
export async function hashStream(chunks: AsyncIterable<Uint8Array>): Promise<{ digest: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of chunks) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { digest: `sha256:${hash.digest('hex')}`, size };
}

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
