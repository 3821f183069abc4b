import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { heliaOptionsFor } from '../../src/cli/ipfs-flags';
import { runCli } from '../../src/cli/run-cli';
import { captureIo } from '../support/capture-io';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'image-trust-ipfs-cli-'));
});
afterEach(() => rm(work, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const captured = captureIo(work, { HOME: work, XDG_CACHE_HOME: join(work, 'cache') });
  const status = await runCli(argv, captured.io);
  return { status, stdout: captured.stdout(), stderr: captured.stderr() };
}

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('image-trust ipfs', () => {
  it('lists add, serve and gc in its help', async () => {
    const { status, stdout } = await run('ipfs', '--help');
    expect(status).toBe(0);
    expect(stdout).toContain('image-trust ipfs add IMAGE@DIGEST');
    expect(stdout).toContain('image-trust ipfs serve');
    expect(stdout).toContain('image-trust ipfs gc');
  });

  it.each([
    [['ipfs'], 'name a sub-command'],
    [['ipfs', 'pin'], "not 'pin'"],
    [['ipfs', 'add'], 'at least one image'],
    [['ipfs', 'add', 'demo/app:v1'], 'has no digest'],
    [['ipfs', 'add', 'Not A Reference@x'], 'is not an image reference'],
    [['ipfs', 'add', `demo/app@${DIGEST}`, '--ipfs-api', 'ftp://somewhere'], '--ipfs-api'],
    [['ipfs', 'add', `demo/app@${DIGEST}`, '--format', 'xml'], '--format'],
    [['ipfs', 'serve', '--add', 'demo/app:latest'], 'has no digest'],
    [['ipfs', 'serve', '--unknown'], 'Unknown option'],
    [['ipfs', 'serve', '--gateway', '8080'], '--gateway takes HOST:PORT'],
    [['ipfs', 'serve', '--gateway', '127.0.0.1:70000'], '--gateway takes HOST:PORT'],
  ])('%j is a usage error (exit 2) saying %s, and starts no node', async (argv, says) => {
    const { status, stderr } = await run(...argv);
    expect(status).toBe(2);
    expect(stderr).toContain(says);
    expect(existsSync(join(work, 'cache', 'image-trust', 'ipfs'))).toBe(false);
  });
});

describe('the embedded node flags', () => {
  it('keep the node off the public network, in the cache dir, dialing nobody, unless told otherwise', () => {
    const io = captureIo('/work', { HOME: '/home/u', XDG_CACHE_HOME: '/cache' }).io;
    expect(heliaOptionsFor({}, io)).toEqual({ dir: '/cache/image-trust/ipfs', peers: [], publicNetwork: false });
    const given = {
      'ipfs-dir': 'node',
      'ipfs-peer': ['/ip4/10.0.0.2/tcp/4001/p2p/12D3KooWx'],
      'ipfs-public-network': true,
    };
    expect(heliaOptionsFor(given, io, ['/ip4/0.0.0.0/tcp/4001'])).toEqual({
      dir: '/work/node',
      peers: ['/ip4/10.0.0.2/tcp/4001/p2p/12D3KooWx'],
      publicNetwork: true,
      listen: ['/ip4/0.0.0.0/tcp/4001'],
    });
  });
});
