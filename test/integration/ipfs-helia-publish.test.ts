import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import type { PublishRow } from '../../src/cli/ipfs-publish';
import { MemoryBlockstore } from 'blockstore-core';
import { injectRig } from '../rig/inject-rig';
import { startKuboRpcServer } from '../rig/kubo-rpc-server';
import { captureIo } from '../support/capture-io';
import { heliaNodes } from '../node/ipfs/helia-fixtures';
import { fetchImageOverIpfs, skopeoInspectRaw } from '../node/ipfs/helia-image-fetch';

const rig = injectRig();
const nodes = heliaNodes();
let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'image-trust-ipfs-add-'));
});
afterEach(async () => {
  await nodes.stopAll();
  await rm(work, { recursive: true, force: true });
});

function pushed(tag: string) {
  const image = rig.pushed.find((p) => p.registry === 'http' && p.repo === 'demo/app' && p.tag === tag);
  if (image === undefined) throw new Error(`the rig did not push demo/app:${tag}`);
  return `${rig.registries.http.host}/demo/app@${image.digest}`;
}

async function ipfsAdd(...args: string[]) {
  const env = { HOME: work, XDG_CACHE_HOME: join(work, 'cache'), PATH: process.env.PATH };
  const captured = captureIo(work, env);
  const status = await runCli(['ipfs', 'add', '--format', 'json', '--ipfs-dir', 'node', ...args], captured.io);
  const rows = status === 2 ? [] : (JSON.parse(captured.stdout()) as PublishRow[]);
  return { status, rows, stderr: captured.stderr() };
}

describe('image-trust ipfs add', () => {
  it('publishes a multi-platform image from the registry that another node fetches, verified, into a layout skopeo reads', async () => {
    const { status, rows } = await ipfsAdd(pushed('multi'));
    expect(status).toBe(0);
    const image = rows[0]?.image;
    expect(image?.reference).toMatch(/^ipfs:\/\/bafkrei[a-z2-7]+$/);
    // Layers and configs keep their digests; the index and manifests gain urls, so theirs change.
    const kept = image?.blobs.filter((b) => !b.mediaType.includes('manifest') && !b.mediaType.includes('index'));
    expect(kept?.length).toBeGreaterThan(0);
    expect(kept?.every((b) => b.digest === b.sourceDigest)).toBe(true);
    const served = await nodes.start({ dir: join(work, 'node') });
    const client = await nodes.start({ peers: served.node.addresses() });
    const layout = join(work, 'layout');
    const fetched = await fetchImageOverIpfs(client.node.source, image?.cid as string, layout);
    expect(fetched.root.digest).toBe(image?.root.digest);
    expect(fetched.image.blobs.every((b) => b.origin.from === 'ipfs')).toBe(true);
    expect(await skopeoInspectRaw(layout)).toMatchObject({ mediaType: 'application/vnd.oci.image.index.v1+json' });
  });

  it('adds the same image twice with the same CIDs', async () => {
    const first = await ipfsAdd(pushed('v1'));
    const second = await ipfsAdd(pushed('v1'));
    expect(second.status).toBe(0);
    expect(second.rows[0]?.image?.blobs).toEqual(first.rows[0]?.image?.blobs);
  });

  it('adds to a Kubo daemon with --ipfs-api, with the same CIDs as the embedded node gives', async () => {
    const kubo = await startKuboRpcServer(new MemoryBlockstore());
    try {
      const embedded = await ipfsAdd(pushed('multi'));
      const viaKubo = await ipfsAdd(pushed('multi'), '--ipfs-api', kubo.url);
      expect(viaKubo.status).toBe(0);
      expect(viaKubo.rows[0]?.image?.cid).toBe(embedded.rows[0]?.image?.cid);
      expect(kubo.requests.filter((r) => r.startsWith('POST /api/v0/add')).length).toBe(
        (embedded.rows[0]?.image?.blobs.length ?? 0) + 1,
      );
    } finally {
      await kubo.close();
    }
  });

  it('refuses a reference without a digest with a usage error, before starting a node', async () => {
    const { status, stderr } = await ipfsAdd(`${rig.registries.http.host}/demo/app:v1`);
    expect(status).toBe(2);
    expect(stderr).toContain('has no digest');
  });

  it('reports an image the registry does not have with its code, exit status 3', async () => {
    const missing = `${rig.registries.http.host}/demo/app@sha256:${'0'.repeat(64)}`;
    const { status, rows } = await ipfsAdd(missing);
    expect(status).toBe(3);
    expect(rows[0]?.error?.code).toBe('REGISTRY_NOT_FOUND');
  });
});
