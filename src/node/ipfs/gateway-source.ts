import type { IpfsBlobSource } from '../../core/ipfs/blob-source';
import { IPFS_DEFAULTS } from '../../core/ipfs/defaults';
import { readCarBlocks } from '../../core/ipfs/car-blocks';
import { parseCid } from '../../core/ipfs/digest-cid';
import { canTryElsewhere, IpfsError } from '../../core/ipfs/ipfs-error';
import type { CreateHash } from '../../core/ipfs/ports';
import { walkUnixfsFile, type Block } from '../../core/ipfs/unixfs-block-walk';
import { discardStream } from '../../core/registry/discard-stream';
import type { Transport, TransportResponse } from '../../core/registry/ports';
import { plainHttpAllowed } from '../../core/registry/registry-host';
import { gatewayBlockFetcher } from './gateway-block-fetcher';
import { mapFailures, toIpfsFailure } from './ipfs-failure';
import { guarded, stallGuard } from './stall-guard';

export interface GatewayOptions {
  /** Tried in order; none by default — no public gateway is asked unless the user names it. */
  gateways: readonly string[];
  transport: Transport;
  createHash: CreateHash;
  /** host[:port] allowed over plain HTTP besides loopback. */
  insecureHosts?: readonly string[];
  /** false: a CAR that breaks off fails the attempt (IPFS_CAR_INVALID) instead of continuing block by block. */
  continueAfterCarFailure?: boolean;
  stallTimeoutMs?: number;
}

const CAR_ACCEPT = 'application/vnd.ipld.car; version=1; order=dfs; dups=y';

/**
 * Trustless HTTP gateways (ipfs/specs trustless-gateway.md): one `?format=car` request for the whole DAG,
 * depth first with duplicates, every block checked against its CID as it streams; blocks the CAR lacks, and
 * gateways that serve no CARs, are read as `?format=raw` blocks with a prefetch window.
 */
export function createGatewaySource(options: GatewayOptions): IpfsBlobSource {
  const gateways = options.gateways.map((g) => checkedGateway(g, options.insecureHosts ?? []));
  return {
    name: 'gateway',
    async *cat(cidText, { signal }) {
      let last: unknown = new IpfsError('IPFS_UNAVAILABLE', 'No gateway is configured.', { cid: cidText });
      for (const gateway of gateways) {
        const chunks = catFrom(options, gateway, cidText, signal);
        try {
          // A gateway that fails before its first byte leaves room for the next one.
          const first = await chunks.next();
          if (!first.done) yield first.value;
          yield* chunks;
          return;
        } catch (error) {
          if (!canTryElsewhere(error)) throw error;
          last = error;
        }
      }
      throw last;
    },
  };
}

async function* catFrom(options: GatewayOptions, gateway: URL, cidText: string, signal: AbortSignal) {
  const cid = parseCid(cidText);
  const guard = stallGuard(signal, options.stallTimeoutMs ?? IPFS_DEFAULTS.stallTimeoutMs, 'gateway');
  const blocks = gatewayBlockFetcher(options.transport, gateway, guard.signal, IPFS_DEFAULTS.gatewayPrefetch);
  const ordered = await openCar(options.transport, gateway, cidText, guard.signal).catch((error: unknown) => {
    guard.stop(); // its stall timer would otherwise hold the process after the fetch moved on
    throw error;
  });
  const walk = walkUnixfsFile(cid, {
    ...blocks,
    ...(ordered === undefined ? {} : { ordered }),
    continueAfterStreamFailure: options.continueAfterCarFailure ?? true,
    createHash: options.createHash,
    source: `gateway ${gateway.host}`,
  });
  yield* mapFailures(guarded(walk, guard), 'gateway', cidText);
}

// The CAR of the whole DAG; `undefined` when the gateway serves none (the walk then reads raw blocks). Through the
// project's transport (extra CAs, insecure hosts, keep-alive, timeouts), streamed: a layer's CAR may be gigabytes.
async function openCar(
  transport: Transport,
  gateway: URL,
  cid: string,
  signal: AbortSignal,
): Promise<AsyncIterable<Block> | undefined> {
  const url = new URL(`ipfs/${cid}?format=car&dag-scope=all&car-order=dfs&car-dups=y`, gateway);
  let response: TransportResponse;
  try {
    response = await transport({
      method: 'GET',
      url,
      headers: { accept: CAR_ACCEPT },
      // The whole CAR's size is unknown (dups=y repeats blocks): readCarBlocks caps every section instead.
      maxBytes: Number.MAX_SAFE_INTEGER,
      stream: true,
      signal,
    });
  } catch (error) {
    throw toIpfsFailure(error, 'gateway', cid);
  }
  const details = { cid, source: 'gateway' };
  if (response.url.href !== url.href) {
    await discardStream(response.stream);
    // The transport follows redirects; the CAR from wherever the gateway sent us is not taken.
    const message = `${gateway.host} redirected the CAR request for ${cid} to ${response.url.host}; refused.`;
    throw new IpfsError('IPFS_UNAVAILABLE', message, details);
  }
  if (response.status === 404 || response.status === 410) {
    throw new IpfsError('IPFS_NOT_FOUND', `${gateway.host} does not have ${cid}.`, details);
  }
  const type = response.headers['content-type']?.join(',') ?? '';
  if (response.status !== 200 || response.stream === undefined || !type.includes('car')) {
    await discardStream(response.stream);
    return undefined;
  }
  return readCarBlocks(response.stream, `gateway ${gateway.host}`);
}

function checkedGateway(text: string, insecureHosts: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(text.endsWith('/') ? text : `${text}/`);
  } catch (error) {
    throw new IpfsError('IPFS_CONFIG_INVALID', `${JSON.stringify(text)} is not a gateway URL.`, {}, error);
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && plainHttpAllowed(url.host, insecureHosts))) return url;
  const message = `Refusing the gateway ${url.host} over ${url.protocol}: only loopback and hosts marked insecure may use plain HTTP.`;
  throw new IpfsError('IPFS_CONFIG_INVALID', message);
}
