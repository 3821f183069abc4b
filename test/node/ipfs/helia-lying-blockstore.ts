import * as dagPb from '@ipld/dag-pb';
import { MemoryBlockstore } from 'blockstore-core';
import type { AbortOptions } from '@libp2p/interface';
import { CID } from 'multiformats/cid';

/**
 * A peer's blockstore that serves wrong bytes for the CIDs in `tampered` (one byte flipped): what a malicious or
 * broken peer does; and denies once having the CIDs in `withheldOnce`. Writes are honest, so the node adds content normally and lies only when asked for it.
 */
export class LyingBlockstore extends MemoryBlockstore {
  readonly tampered = new Set<string>();
  /** Denied having once, as a peer that lost a bitswap message leaves a want unanswered. */
  readonly withheldOnce = new Set<string>();

  override has(cid: CID): boolean | Promise<boolean> {
    if (this.withheldOnce.delete(cid.toString())) return false;
    return super.has(cid);
  }

  override async *get(cid: CID, options?: AbortOptions): AsyncGenerator<Uint8Array> {
    const chunks: Uint8Array[] = [];
    for await (const chunk of super.get(cid, options)) chunks.push(chunk);
    const block = Buffer.concat(chunks);
    const middle = block.length >> 1;
    if (this.tampered.has(cid.toString())) block[middle] = (block[middle] ?? 0) ^ 0xff;
    yield new Uint8Array(block);
  }

  /** The dag-pb node `cid` names, as stored (honestly): how a test finds a file's leaves. */
  async node(cid: string): Promise<dagPb.PBNode> {
    const chunks: Uint8Array[] = [];
    for await (const chunk of super.get(CID.parse(cid))) chunks.push(chunk);
    return dagPb.decode(Buffer.concat(chunks));
  }
}
