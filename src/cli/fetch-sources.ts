import type { IpfsBlobSource } from '../core/ipfs/blob-source';
import type { Transport } from '../core/registry/ports';
import { createGatewaySource } from '../node/ipfs/gateway-source';
import { findKuboApi } from '../node/ipfs/kubo-api-address';
import { createNodeHash } from '../node/ipfs/node-hash';
import { UsageError, type CliIo } from './cli-io';
import { heliaOptionsFor, type IpfsNodeFlagValues } from './ipfs-flags';

export interface FetchSourceFlags extends IpfsNodeFlagValues {
  ipfs?: boolean;
  'ipfs-api'?: string;
  'ipfs-gateway'?: string[];
  'insecure-registry'?: string[];
}

export interface ChosenSources {
  sources: IpfsBlobSource[];
  close(): Promise<void>;
}

/** Whether the flags ask for IPFS at all (any IPFS flag does); without them a fetch reads the registry only. */
export function wantsIpfs(values: FetchSourceFlags): boolean {
  return Boolean(values.ipfs || values['ipfs-api'] || values['ipfs-gateway']?.length || values['ipfs-peer']?.length);
}

/**
 * The IPFS sources, nearest first: a Kubo daemon (`--ipfs-api`, else `$IPFS_PATH/api` or `~/.ipfs/api` as
 * nerdctl finds it), the embedded node (with `--ipfs-peer`, or when nothing else is there: it holds what
 * `ipfs add` put in it), then the gateways given. No public gateway or network unless named.
 */
export async function chooseSources(values: FetchSourceFlags, io: CliIo, transport: Transport): Promise<ChosenSources> {
  if (!wantsIpfs(values)) return { sources: [], close: async () => undefined };
  const sources: IpfsBlobSource[] = [];
  const closers: (() => Promise<void>)[] = [];
  const api = await kuboApi(values, io);
  if (api !== undefined) {
    const { createKuboRpcSource } = await import('../node/ipfs/kubo-rpc-source');
    sources.push(await createKuboRpcSource({ url: api, createHash: createNodeHash }));
  }
  const gateways = values['ipfs-gateway'] ?? [];
  if (values['ipfs-peer']?.length || (api === undefined && gateways.length === 0)) {
    const { openHeliaNode } = await import('../node/ipfs/helia-embedded');
    const node = await openHeliaNode(heliaOptionsFor(values, io));
    sources.push(node.source);
    closers.push(() => node.stop());
  }
  if (gateways.length > 0) {
    const insecureHosts = values['insecure-registry'] ?? [];
    sources.push(createGatewaySource({ gateways, transport, createHash: createNodeHash, insecureHosts }));
  }
  return { sources, close: async () => void (await Promise.all(closers.map((close) => close()))) };
}

async function kuboApi(values: FetchSourceFlags, io: CliIo): Promise<string | undefined> {
  try {
    return await findKuboApi(values['ipfs-api'], io.env, io.env.HOME);
  } catch (error) {
    throw new UsageError(`--ipfs-api: ${error instanceof Error ? error.message : String(error)}`);
  }
}
