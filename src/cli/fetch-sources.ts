import type { IpfsBlobSource } from '../core/ipfs/blob-source';
import type { Transport } from '../core/registry/ports';
import { findKuboApi } from '../node/ipfs/kubo-api-address';
import { httpIpfsSources } from '../node/ipfs/ipfs-sources';
import { UsageError, type CliIo } from './cli-io';
import { openFetchNode } from './fetch-node';
import type { IpfsNodeFlagValues } from './ipfs-flags';

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
  const kuboApi = await findApi(values, io);
  const gateways = values['ipfs-gateway'] ?? [];
  const insecureHosts = values['insecure-registry'] ?? [];
  const { kubo, gateway } = await httpIpfsSources({ kuboApi, gateways, transport, insecureHosts });
  const nearest = kubo === undefined ? [] : [kubo];
  const farthest = gateway === undefined ? [] : [gateway];
  if (!values['ipfs-peer']?.length && (kubo !== undefined || gateway !== undefined)) {
    return { sources: [...nearest, ...farthest], close: async () => undefined };
  }
  const node = await openFetchNode(values, io);
  return { sources: [...nearest, node.source, ...farthest], close: node.close };
}

async function findApi(values: FetchSourceFlags, io: CliIo): Promise<string | undefined> {
  try {
    return await findKuboApi(values['ipfs-api'], io.env, io.env.HOME);
  } catch (error) {
    throw new UsageError(`--ipfs-api: ${error instanceof Error ? error.message : String(error)}`);
  }
}
