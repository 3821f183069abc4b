import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { injectRig } from '../rig/inject-rig';
import { heliaNodes } from '../node/ipfs/helia-fixtures';
import { fetchImageOverIpfs, skopeoInspectRaw } from '../node/ipfs/helia-image-fetch';

const rig = injectRig();
const nodes = heliaNodes();
let work: string;
const children: ChildProcess[] = [];

// The CLI as users run it: the bundle scripts/build.mjs makes, Helia in its own chunk, in another process.
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'image-trust-ipfs-serve-'));
  await promisify(execFile)(process.execPath, ['scripts/build.mjs', '--outdir', join(work, 'dist')]);
  await writeFile(join(work, 'package.json'), '{"type":"module"}');
});
afterEach(async () => {
  await nodes.stopAll();
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
afterAll(() => rm(work, { recursive: true, force: true }));

function pushed(tag: string) {
  const image = rig.pushed.find((p) => p.registry === 'http' && p.repo === 'demo/app' && p.tag === tag);
  if (image === undefined) throw new Error(`the rig did not push demo/app:${tag}`);
  return `${rig.registries.http.host}/demo/app@${image.digest}`;
}

/** Starts `image-trust ipfs serve` and collects its KEY=VALUE lines until the node says it is ready. */
async function serve(dir: string, ...args: string[]) {
  const env = { HOME: work, XDG_CACHE_HOME: join(work, 'cache'), PATH: process.env.PATH };
  const child = spawn(process.execPath, [join(work, 'dist', 'cli.js'), 'ipfs', 'serve', '--ipfs-dir', dir, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines: string[] = [];
  const exited = once(child, 'exit');
  for await (const line of createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
    lines.push(line);
    if (lines.length >= 1 + args.filter((a) => a === '--add' || a === '--gateway').length) break;
  }
  const values = (key: string) => lines.filter((l) => l.startsWith(`${key}=`)).map((l) => l.slice(key.length + 1));
  const gateway = values('IPFS_GATEWAY')[0];
  return { child, exited, addresses: values('IPFS_ADDR'), refs: values('IPFS_REF'), gateway, stderr: () => stderr };
}

/** Another CLI process with its own cache (its embedded node must not share the server's directory). */
async function runCli(args: string[]) {
  const env = { HOME: work, XDG_CACHE_HOME: join(work, 'client-cache'), PATH: process.env.PATH };
  const cli = join(work, 'dist', 'cli.js');
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [cli, ...args], { env }, (error, stdout, stderr) =>
      resolve({ status: error === null ? 0 : (error.code as number | null), stdout, stderr }),
    );
  });
}

/** `image-trust fetch` of a served image from IPFS alone (no registry) into a layout skopeo reads; its blobs' sources. */
async function fetchOverIpfsOnly(ref: string, name: string, ...sourceArgs: string[]) {
  const output = join(work, name);
  const args = ['fetch', ref, ...sourceArgs, '--no-registry-fallback', '--output', output, '--format', 'json'];
  const fetched = await runCli(args);
  expect(fetched.status).toBe(0);
  expect(await skopeoInspectRaw(output)).toMatchObject({ mediaType: 'application/vnd.oci.image.index.v1+json' });
  return (JSON.parse(fetched.stdout) as { blobs: { from: string; source: string }[] }).blobs;
}

describe('image-trust ipfs serve', () => {
  it('publishes --add images, prints IPFS_ADDR and IPFS_REF, serves another process, and stops cleanly on SIGTERM', async () => {
    const dir = join(work, 'served');
    const server = await serve(dir, '--add', pushed('multi'), '--add', pushed('v1-docker'));
    expect(server.addresses[0]).toMatch(/^\/ip4\/127\.0\.0\.1\/tcp\/\d+\/p2p\/12D3Koo\w+$/);
    expect(server.refs).toHaveLength(2);
    const client = await nodes.start({ peers: server.addresses });
    for (const [i, ref] of server.refs.entries()) {
      const layout = join(work, `layout-${i}`);
      const fetched = await fetchImageOverIpfs(client.node.source, ref.replace('ipfs://', ''), layout);
      expect(fetched.image.blobs.every((b) => b.origin.from === 'ipfs')).toBe(true);
      await skopeoInspectRaw(layout);
    }
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual([0, null]);
    await expect(access(join(dir, 'repo.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it("serves an image to 'image-trust fetch ipfs://CID --ipfs-peer' in another process, verified, no registry", async () => {
    const server = await serve(join(work, 'shared'), '--add', pushed('multi'));
    const blobs = await fetchOverIpfsOnly(
      server.refs[0] as string,
      'fetched',
      '--ipfs-peer',
      server.addresses[0] as string,
    );
    expect(blobs.length).toBeGreaterThan(2);
    expect(blobs.every((blob) => blob.from === 'ipfs' && blob.source === 'helia')).toBe(true);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual([0, null]);
  });

  it('with --gateway, serves the same blocks as a trustless gateway that fetch reads as CARs', async () => {
    const server = await serve(join(work, 'gateway'), '--gateway', '127.0.0.1:0', '--add', pushed('multi'));
    expect(server.gateway).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const blobs = await fetchOverIpfsOnly(
      server.refs[0] as string,
      'over-gateway',
      '--ipfs-gateway',
      server.gateway as string,
    );
    expect(blobs.every((blob) => blob.from === 'ipfs' && blob.source === 'gateway')).toBe(true);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual([0, null]);
  });

  it('stops cleanly on SIGINT and serves what an earlier run added from its directory', async () => {
    const dir = join(work, 'again');
    const first = await serve(dir, '--add', pushed('v1'));
    first.child.kill('SIGINT');
    expect(await first.exited).toEqual([0, null]);
    const second = await serve(dir, '--listen', '/ip4/127.0.0.1/tcp/0');
    const client = await nodes.start({ peers: second.addresses });
    const fetched = await fetchImageOverIpfs(client.node.source, first.refs[0]?.slice(7) as string, join(work, 'l'));
    expect(fetched.image.blobs.length).toBeGreaterThan(0);
    second.child.kill('SIGINT');
    expect(await second.exited).toEqual([0, null]);
  });

  it('exits 3 with the code when an image cannot be added, leaving no lock behind', async () => {
    const dir = join(work, 'failing');
    const missing = `${rig.registries.http.host}/demo/app@sha256:${'0'.repeat(64)}`;
    const server = await serve(dir, '--add', missing);
    expect(await server.exited).toEqual([3, null]);
    expect(server.stderr()).toContain('REGISTRY_NOT_FOUND');
    await expect(access(join(dir, 'repo.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
