import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { IpfsError } from '../../core/ipfs/ipfs-error';

/**
 * The Kubo RPC API root (`http://host:port/api/v0`) as nerdctl finds it: the given address (a URL or a
 * multiaddr), else the multiaddr in `$IPFS_PATH/api`, else `~/.ipfs/api`. `undefined` when there is none.
 */
export async function findKuboApi(
  given: string | undefined,
  env: Record<string, string | undefined>,
  home = homedir(),
): Promise<string | undefined> {
  if (given !== undefined) return toApiUrl(given);
  const file = join(env.IPFS_PATH ?? join(home, '.ipfs'), 'api');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : toApiUrl(text.trim());
}

/** `/ip4/127.0.0.1/tcp/5001` or `http://127.0.0.1:5001[/api/v0]` → `http://127.0.0.1:5001/api/v0`. */
export function toApiUrl(address: string): string {
  const multiaddr = /^\/(ip4|ip6|dns4|dns6|dns)\/([^/]+)\/tcp\/(\d+)(\/https?)?\/?$/.exec(address);
  if (multiaddr !== null) {
    const host = multiaddr[1] === 'ip6' ? `[${multiaddr[2]}]` : multiaddr[2];
    return `${multiaddr[4] === '/https' ? 'https' : 'http'}://${host}:${multiaddr[3]}/api/v0`;
  }
  try {
    const url = new URL(address);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(url.protocol);
    return `${url.origin}${url.pathname.replace(/\/+$/, '') || '/api/v0'}`;
  } catch (error) {
    const message = `${JSON.stringify(address)} is neither a Kubo API URL nor a /ip4|/ip6|/dns…/tcp/PORT multiaddr.`;
    throw new IpfsError('IPFS_CONFIG_INVALID', message, {}, error);
  }
}
