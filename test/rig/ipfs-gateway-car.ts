import * as dagPb from '@ipld/dag-pb';
import { CarWriter } from '@ipld/car/writer';
import type { Blockstore } from 'interface-blockstore';
import type { CID } from 'multiformats/cid';
import { servedBlock, type IpfsServerFaults } from './ipfs-gateway-faults';

/** A CARv1 of the DAG under `root`, blocks in depth-first order; `dups` repeats blocks met twice (car-dups=y). */
export function carStream(store: Blockstore, root: CID, faults: IpfsServerFaults, dups: boolean) {
  const { writer, out } = CarWriter.create([root]);
  const seen = new Set<string>();
  const visit = async (cid: CID): Promise<void> => {
    if (!dups && seen.has(cid.toString())) return;
    seen.add(cid.toString());
    const bytes = await servedBlock(store, cid, faults);
    if (bytes === undefined) return;
    await writer.put({ cid, bytes });
    if (cid.code !== dagPb.code) return;
    const links = faults.tamper.has(cid.toString()) ? [] : dagPb.decode(bytes).Links;
    for (const link of links) await visit(link.Hash);
  };
  const done = visit(root).finally(() => writer.close());
  return { out, done };
}
