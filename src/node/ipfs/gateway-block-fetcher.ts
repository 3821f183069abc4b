import type { CID } from 'multiformats/cid';
import { IPFS_DEFAULTS } from '../../core/ipfs/defaults';
import { IpfsError } from '../../core/ipfs/ipfs-error';
import type { Transport } from '../../core/registry/ports';
import { toIpfsFailure } from './ipfs-failure';

/**
 * Raw blocks from one trustless gateway (`?format=raw`) through the project's Transport (timeouts, the 2 MiB
 * cap), fetching up to `window` blocks ahead of the walk. Bytes are unchecked here: the walk checks each block.
 */
export function gatewayBlockFetcher(transport: Transport, gateway: URL, signal: AbortSignal, window: number) {
  const inFlight = new Map<string, Promise<Uint8Array>>();
  const get = async (cid: CID): Promise<Uint8Array> => {
    const url = new URL(`ipfs/${cid}?format=raw`, gateway);
    try {
      const response = await transport({
        method: 'GET',
        url,
        headers: { accept: 'application/vnd.ipld.raw' },
        maxBytes: IPFS_DEFAULTS.maxBlockBytes,
        signal,
      });
      if (response.status === 200) return response.body;
      const code = response.status === 404 || response.status === 410 ? 'IPFS_NOT_FOUND' : 'IPFS_UNAVAILABLE';
      throw new IpfsError(code, `${gateway.host} answered HTTP ${response.status} for the block ${cid}.`, {
        cid: cid.toString(),
        source: 'gateway',
      });
    } catch (error) {
      throw toIpfsFailure(error, 'gateway', cid.toString());
    }
  };
  const start = (cid: CID) => {
    const key = cid.toString();
    let pending = inFlight.get(key);
    if (pending === undefined) {
      pending = get(cid);
      pending.catch(() => undefined); // read (and reported) when the walk reaches it
      inFlight.set(key, pending);
    }
    return pending;
  };
  return {
    fetchBlock: (cid: CID) => {
      const pending = start(cid);
      inFlight.delete(cid.toString());
      return pending;
    },
    upcoming: (cids: CID[]) => {
      for (const cid of cids.slice(0, window)) start(cid);
    },
  };
}
