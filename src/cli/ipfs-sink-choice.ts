import type { IpfsBlobSink } from '../core/ipfs/blob-source';
import type { HeliaNode } from '../node/ipfs/helia-embedded';
import { openHeliaNode } from '../node/ipfs/helia-embedded';
import { createKuboRpcSink } from '../node/ipfs/kubo-rpc-source';
import { toApiUrl } from '../node/ipfs/kubo-api-address';
import { UsageError, type CliIo } from './cli-io';
import { heliaOptionsFor, type IpfsNodeFlagValues } from './ipfs-flags';

export interface ChosenSink {
  sink: IpfsBlobSink;
  /** The embedded node, when it is the sink (its addresses are worth printing). */
  node?: HeliaNode;
  close(): Promise<void>;
}

/** A Kubo daemon when `--ipfs-api` names one, else the embedded node (loaded only then). */
export async function chooseSink(values: IpfsNodeFlagValues & { 'ipfs-api'?: string }, io: CliIo): Promise<ChosenSink> {
  const api = values['ipfs-api'];
  if (api !== undefined) {
    return { sink: await createKuboRpcSink(kuboUrl(api)), close: async () => undefined };
  }
  const node = await openHeliaNode(heliaOptionsFor(values, io));
  return { sink: node.sink, node, close: () => node.stop() };
}

function kuboUrl(address: string): string {
  try {
    return toApiUrl(address);
  } catch (error) {
    throw new UsageError(`--ipfs-api: ${error instanceof Error ? error.message : String(error)}`);
  }
}
