import * as dagPb from '@ipld/dag-pb';
import { UnixFS } from 'ipfs-unixfs';
import type { CID } from 'multiformats/cid';
import { checkBlock } from './block-check';
import { IPFS_DEFAULTS } from './defaults';
import { DAG_PB_CODEC, RAW_CODEC } from './digest-cid';
import { IpfsError } from './ipfs-error';
import type { CreateHash } from './ports';

export interface Block {
  cid: CID;
  bytes: Uint8Array;
}

export interface BlockWalkSources {
  /** Blocks in depth-first order (a CAR stream); may be empty, end early, or fail: the rest come from `fetchBlock`. */
  ordered?: AsyncIterable<Block>;
  /** One block by CID (`?format=raw`, `block/get`); unverified, like everything else. */
  fetchBlock(cid: CID): Promise<Uint8Array>;
  /** The CIDs about to be needed, in order, so a source can fetch ahead. */
  upcoming?(cids: CID[]): void;
  /** Whether a failed ordered stream may be continued block by block (true unless set). */
  continueAfterStreamFailure?: boolean;
  createHash: CreateHash;
  source: string;
}

/**
 * The bytes of a UnixFS file (or a raw block), in order, walking its DAG depth-first: every block is checked
 * against its CID before any byte of it is yielded, and memory holds one path of the DAG, not the file.
 */
export async function* walkUnixfsFile(root: CID, sources: BlockWalkSources): AsyncGenerator<Uint8Array> {
  const ordered = orderedReader(sources);
  try {
    yield* walk(root, sources, ordered);
  } finally {
    await ordered.close();
  }
}

async function* walk(root: CID, sources: BlockWalkSources, ordered: ReturnType<typeof orderedReader>) {
  const stack: CID[] = [root];
  while (stack.length > 0) {
    const cid = stack.pop() as CID;
    // Fetching ahead by CID only pays once the ordered stream is gone; while it flows it brings the blocks.
    if (ordered.ended()) sources.upcoming?.([cid, ...stack.slice(-IPFS_DEFAULTS.gatewayPrefetch).reverse()]);
    const bytes = (await ordered.next(cid)) ?? (await sources.fetchBlock(cid));
    checkBlock(cid, bytes, sources.createHash, sources.source);
    if (cid.code === RAW_CODEC) {
      yield bytes;
      continue;
    }
    if (cid.code !== DAG_PB_CODEC) {
      throw new IpfsError('IPFS_UNSUPPORTED', `${cid} is neither a raw block nor dag-pb.`, { cid: cid.toString() });
    }
    const { data, links } = readFileNode(cid, bytes);
    if (data.length > 0) yield data;
    stack.push(...[...links].reverse());
  }
}

function readFileNode(cid: CID, bytes: Uint8Array): { data: Uint8Array; links: CID[] } {
  try {
    const node = dagPb.decode(bytes);
    const unixfs = node.Data === undefined ? undefined : UnixFS.unmarshal(node.Data);
    if (unixfs === undefined || (unixfs.type !== 'file' && unixfs.type !== 'raw')) throw new TypeError('not a file');
    return { data: unixfs.data ?? new Uint8Array(0), links: node.Links.map((link) => link.Hash) };
  } catch (error) {
    const message = `${cid} is not a UnixFS file node.`;
    throw new IpfsError('IPFS_UNSUPPORTED', message, { cid: cid.toString() }, error);
  }
}

/**
 * Takes the ordered stream's next block when it is the one wanted; `undefined` means "fetch it by CID" (a block
 * left out as a duplicate, out of order, or after the stream ended or failed).
 */
function orderedReader(sources: BlockWalkSources) {
  const iterator = sources.ordered?.[Symbol.asyncIterator]();
  let pending: Block | undefined;
  let done = iterator === undefined;
  // Ends the stream early (its HTTP body too) when the file is complete before the stream is.
  const close = async () => {
    if (!done) await iterator?.return?.().catch(() => undefined);
  };
  const next = async (cid: CID): Promise<Uint8Array | undefined> => {
    if (pending === undefined && !done) {
      try {
        const step = await (iterator as AsyncIterator<Block>).next();
        done = step.done === true;
        pending = step.done ? undefined : step.value;
      } catch (error) {
        if (sources.continueAfterStreamFailure === false) throw carInvalid(sources.source, error);
        done = true;
      }
    }
    if (pending === undefined || !pending.cid.equals(cid)) return undefined;
    const { bytes } = pending;
    pending = undefined;
    return bytes;
  };
  return { next, close, ended: () => done && pending === undefined };
}

function carInvalid(source: string, cause: unknown): IpfsError {
  if (cause instanceof IpfsError) return cause;
  return new IpfsError(
    'IPFS_CAR_INVALID',
    `${source} sent a CAR stream that broke off or is malformed.`,
    { source },
    cause,
  );
}
