import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findKuboApi, toApiUrl } from '../../../src/node/ipfs/kubo-api-address';

describe('Kubo API address', () => {
  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it.each([
    ['/ip4/127.0.0.1/tcp/5001', 'http://127.0.0.1:5001/api/v0'],
    ['/ip6/::1/tcp/5001', 'http://[::1]:5001/api/v0'],
    ['/dns4/ipfs.internal/tcp/443/https', 'https://ipfs.internal:443/api/v0'],
    ['http://127.0.0.1:5001', 'http://127.0.0.1:5001/api/v0'],
    ['http://127.0.0.1:5001/api/v0/', 'http://127.0.0.1:5001/api/v0'],
  ])('reads %s as %s', (address, url) => {
    expect(toApiUrl(address)).toBe(url);
  });

  it('refuses anything else with IPFS_CONFIG_INVALID', () => {
    expect(() => toApiUrl('/ip4/127.0.0.1/udp/5001')).toThrow(expect.objectContaining({ code: 'IPFS_CONFIG_INVALID' }));
    expect(() => toApiUrl('ftp://host')).toThrow(expect.objectContaining({ code: 'IPFS_CONFIG_INVALID' }));
  });

  it('finds $IPFS_PATH/api first, then ~/.ipfs/api, as nerdctl does', async () => {
    dir = await mkdtemp(join(tmpdir(), 'image-trust-kubo-'));
    await mkdir(join(dir, 'repo'));
    await mkdir(join(dir, 'home', '.ipfs'), { recursive: true });
    await writeFile(join(dir, 'repo', 'api'), '/ip4/127.0.0.1/tcp/5011\n');
    await writeFile(join(dir, 'home', '.ipfs', 'api'), '/ip4/127.0.0.1/tcp/5012');
    const home = join(dir, 'home');
    expect(await findKuboApi(undefined, { IPFS_PATH: join(dir, 'repo') }, home)).toBe('http://127.0.0.1:5011/api/v0');
    expect(await findKuboApi(undefined, {}, home)).toBe('http://127.0.0.1:5012/api/v0');
    expect(await findKuboApi(undefined, {}, join(dir, 'nobody'))).toBeUndefined();
    expect(await findKuboApi('/ip4/10.0.0.1/tcp/5001', {}, home)).toBe('http://10.0.0.1:5001/api/v0');
  });
});
