import * as dagPb from '@ipld/dag-pb';
import { CarWriter } from '@ipld/car/writer';
import type { CID } from 'multiformats/cid';

/** One block's bytes, or `undefined` when the store has none (the CAR then simply lacks it and its DAG). */
export type BlockRead = (cid: CID) => Promise<Uint8Array | undefined>;

export interface CarStreamOptions {
  /** car-dups=y: a block met twice is written twice (what a streaming verifier needs to stay in order). */
  dups: boolean;
  /** The links to follow from a dag-pb node; by default its decoded links, none when it does not decode. */
  linksOf?: (cid: CID, bytes: Uint8Array) => CID[];
}

/** Blocks read ahead of the one being written: a disk read per block would otherwise set the pace. */
const READ_AHEAD = 8;

/**
 * A CARv1 of the DAG under `root`, blocks in depth-first order (trustless-gateway `order=dfs`). Reading ahead
 * never changes the order: a block is written when the walk reaches it, and skipped there when `dups` is off.
 */
export function carStream(read: BlockRead, root: CID, options: CarStreamOptions) {
  const { writer, out } = CarWriter.create([root]);
  const linksOf = options.linksOf ?? decodedLinks;
  const seen = new Set<string>();
  const visit = async (cid: CID, reading: Promise<Uint8Array | undefined>): Promise<void> => {
    const bytes = await reading;
    if (!options.dups && seen.has(cid.toString())) return;
    seen.add(cid.toString());
    if (bytes === undefined) return;
    await writer.put({ cid, bytes });
    if (cid.code !== dagPb.code) return;
    const links = linksOf(cid, bytes);
    // Reads in flight, in link order; each is dropped once taken, so only the window's blocks stay in memory.
    const ahead: Promise<Uint8Array | undefined>[] = [];
    let started = 0;
    for (const link of links) {
      for (; started < links.length && ahead.length <= READ_AHEAD; started++) {
        const reading = read(links[started] as CID);
        reading.catch(() => undefined); // awaited when the walk reaches it, unless an earlier block failed
        ahead.push(reading);
      }
      await visit(link, ahead.shift() as Promise<Uint8Array | undefined>);
    }
  };
  const done = visit(root, read(root)).finally(() => writer.close());
  // A store that fails mid-walk must not look like a complete CAR: the body then ends in an error, not cleanly.
  async function* body() {
    yield* out;
    await done;
  }
  return { out: body(), done };
}

function decodedLinks(_cid: CID, bytes: Uint8Array): CID[] {
  try {
    return dagPb.decode(bytes).Links.map((link) => link.Hash);
  } catch {
    return [];
  }
}
