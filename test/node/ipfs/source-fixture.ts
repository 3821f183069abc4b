import { createHash, randomBytes } from 'node:crypto';
import { MemoryBlockstore } from 'blockstore-core/memory';
import { afterAll, beforeAll } from 'vitest';
import type { CID } from 'multiformats/cid';
import type { IpfsBlobSource } from '../../../src/core/ipfs/blob-source';
import type { IpfsTestServer } from '../../rig/ipfs-gateway';
import { addFile } from '../../rig/ipfs-gateway-store';

/** A blockstore holding one file of `size` random bytes (or zeros: every chunk the same block). */
export async function storeWithFile(size: number, options: { zeros?: boolean; chunkSize?: number } = {}) {
  const store = new MemoryBlockstore();
  const bytes = options.zeros ? new Uint8Array(size) : new Uint8Array(randomBytes(size));
  const cid = await addFile(store, bytes, options.chunkSize);
  return { store, bytes, cid };
}

export async function catAll(source: IpfsBlobSource, cid: CID | string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source.cat(cid.toString(), { signal: AbortSignal.timeout(15_000) })) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

/** The first leaf (raw block) under a dag-pb root: the block a tamper test corrupts. */
export async function firstLeaf(store: MemoryBlockstore, root: CID): Promise<CID> {
  const { decode } = await import('@ipld/dag-pb');
  const chunks: Uint8Array[] = [];
  for await (const chunk of store.get(root)) chunks.push(chunk);
  const link = decode(Buffer.concat(chunks)).Links[0];
  if (link === undefined) throw new Error(`${root} has no links`);
  return link.Hash;
}

/** A short, comparable stand-in for bytes (vitest's deep equality on megabytes takes seconds). */
export function fingerprint(bytes: Uint8Array): string {
  return `${bytes.length}:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** A 900 KiB file (four leaves under one root) served by a test server started for the file's tests. */
export function servedFile(start: (store: MemoryBlockstore) => Promise<IpfsTestServer>) {
  const served = {} as { file: Awaited<ReturnType<typeof storeWithFile>>; server: IpfsTestServer };
  beforeAll(async () => {
    served.file = await storeWithFile(900 * 1024);
    served.server = await start(served.file.store);
  });
  afterAll(() => served.server.close());
  return served;
}
