import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { injectRig } from '../rig/inject-rig';
import { resetFaults } from '../rig/ipfs-gateway-faults';
import { blobFiles } from '../core/ipfs/layout-dir';
import { fetchCli, ipfsWithImage, pinned, run, tempWork, type IpfsWithImage } from './ipfs-fetch-support';

const rig = injectRig();
let ipfs: IpfsWithImage;
let work: Awaited<ReturnType<typeof tempWork>>;

beforeAll(async () => {
  ipfs = await ipfsWithImage(rig, 'multi');
});
afterAll(() => ipfs.close());
beforeEach(async () => {
  work = await tempWork();
  resetFaults(ipfs.kubo);
});
afterEach(() => work.remove());

const layerBlobs = () => ipfs.image.blobs.filter((b) => b.mediaType.includes('layer'));
const blobFile = (dir: string, digest: string) => join(dir, 'blobs', ...digest.split(':'));

describe('image-trust fetch ipfs://CID', () => {
  it('fetches an image nerdctl-style published over the Kubo RPC API into a layout skopeo and umoci read', async () => {
    const out = join(work.dir, 'layout');
    const { status, report } = await fetchCli(
      work.dir,
      ipfs.image.reference,
      '--ipfs-api',
      ipfs.kubo.url,
      '--output',
      out,
    );
    expect(status).toBe(0);
    expect(report?.entries).toEqual([ipfs.image.root.digest]);
    expect(report?.blobs.every((b) => b.from === 'ipfs' && b.source === 'kubo-rpc')).toBe(true);
    expect(report?.blobs.map((b) => b.digest).sort()).toEqual(ipfs.image.blobs.map((b) => b.digest).sort());
    const raw = JSON.parse((await run('skopeo', ['inspect', '--raw', `oci:${out}`])).stdout);
    expect(raw.manifests).toHaveLength(2);
    expect((await run('umoci', ['ls', '--layout', out])).stdout.trim()).toBe('latest');
    expect(ipfs.kubo.requests.some((r) => r.includes('/dag/export'))).toBe(true);
  });

  it('fetches one platform through a trustless gateway; umoci unpacks it', async () => {
    const out = join(work.dir, 'layout');
    const args = ['--ipfs-gateway', ipfs.gateway.url, '--platform', 'linux/arm64', '--output', out];
    const { status, report } = await fetchCli(work.dir, ipfs.image.reference, ...args);
    expect(status).toBe(0);
    expect(report?.entries).toHaveLength(1);
    expect(report?.blobs.every((b) => b.source === 'gateway')).toBe(true);
    const inspected = JSON.parse((await run('skopeo', ['inspect', `oci:${out}`])).stdout);
    expect(inspected).toMatchObject({ Os: 'linux', Architecture: 'arm64' });
    await run('umoci', ['raw', 'unpack', '--rootless', '--image', `${out}:latest`, join(work.dir, 'rootfs')]);
    expect(existsSync(join(work.dir, 'rootfs'))).toBe(true);
  });

  describe('when the server serves a tampered layer block', () => {
    it('rejects it, writes nothing for it and exits 3 without the registry', async () => {
      const layer = layerBlobs()[0];
      ipfs.kubo.faults.tamper.add(layer?.cid ?? '');
      const out = join(work.dir, 'layout');
      const args = ['--ipfs-gateway', ipfs.gateway.url, '--output', out, '--no-registry-fallback'];
      const { status, report } = await fetchCli(work.dir, ipfs.image.reference, ...args);
      expect(status).toBe(3);
      expect(report?.code).toBe('IPFS_BLOCK_INVALID');
      expect(existsSync(blobFile(out, layer?.digest ?? ''))).toBe(false);
    });
  });
});

describe('image-trust fetch IMAGE@DIGEST --ipfs', () => {
  it('takes one-block blobs from IPFS by the CID their digest names, and the rest from the registry, all verified', async () => {
    const out = join(work.dir, 'layout');
    const args = ['--ipfs-gateway', ipfs.gateway.url, '--output', out];
    const { status, report } = await fetchCli(work.dir, ipfs.source.reference, ...args);
    expect(status).toBe(0);
    const from = (kind: string) => report?.blobs.filter((b) => b.mediaType.includes(kind)).map((b) => b.from);
    expect(new Set(from('layer'))).toEqual(new Set(['ipfs']));
    expect(new Set(from('manifest'))).toEqual(new Set(['registry']));
    expect(report?.entries).toEqual([ipfs.source.digest]);
    await run('skopeo', ['inspect', '--raw', `oci:${out}`]);
  });

  it('falls back to the registry for a tampered layer and says which attempt failed', async () => {
    const layer = layerBlobs()[0];
    ipfs.kubo.faults.tamper.add(layer?.cid ?? '');
    const args = ['--ipfs-gateway', ipfs.gateway.url, '--output', join(work.dir, 'layout')];
    const { status, report } = await fetchCli(work.dir, ipfs.source.reference, ...args);
    expect(status).toBe(0);
    const row = report?.blobs.find((b) => b.digest === layer?.digest);
    expect(row).toMatchObject({ from: 'registry', failed: [{ source: 'gateway', code: 'IPFS_BLOCK_INVALID' }] });
  });

  it('reads everything from the registry without --ipfs', async () => {
    const asked = ipfs.gateway.requests.length + ipfs.kubo.requests.length;
    const { status, report } = await fetchCli(work.dir, ipfs.source.reference, '--output', join(work.dir, 'layout'));
    expect(status).toBe(0);
    expect(new Set(report?.blobs.map((b) => b.from))).toEqual(new Set(['registry']));
    expect(ipfs.gateway.requests.length + ipfs.kubo.requests.length).toBe(asked);
  });

  it('refuses a tag without a digest as a usage error', async () => {
    const { status } = await fetchCli(work.dir, `${rig.registries.http.host}/demo/app:multi`);
    expect(status).toBe(2);
  });
});

describe('image-trust fetch --platform of a single-platform image (a manifest, no index)', () => {
  it('fetches it when its config names that platform, and refuses another as Docker does, writing no blob', async () => {
    const { reference } = pinned(rig, 'v1');
    const [amd64, arm64] = [join(work.dir, 'amd64'), join(work.dir, 'arm64')];
    expect((await fetchCli(work.dir, reference, '--platform', 'linux/amd64', '--output', amd64)).status).toBe(0);
    const refused = await fetchCli(work.dir, reference, '--platform', 'linux/arm64', '--output', arm64);
    expect(refused.status).toBe(3);
    expect(refused.report).toMatchObject({ code: 'IPFS_PLATFORM_NOT_FOUND' });
    expect(await blobFiles(arm64)).toEqual([]);
  });
});

describe('image-trust fetch of an image with Docker media types', () => {
  it('walks a Docker manifest list and its manifests as it walks OCI ones; skopeo reads the layout', async () => {
    const docker = await ipfsWithImage(rig, 'multi-docker');
    try {
      const out = join(work.dir, 'docker-layout');
      const args = ['--ipfs-gateway', docker.gateway.url, '--platform', 'linux/amd64', '--output', out];
      const { status, report } = await fetchCli(work.dir, docker.image.reference, ...args);
      expect(status).toBe(0);
      expect(docker.image.root.mediaType).toBe('application/vnd.docker.distribution.manifest.list.v2+json');
      expect(report?.blobs.every((b) => b.from === 'ipfs')).toBe(true);
      const inspected = JSON.parse((await run('skopeo', ['inspect', `oci:${out}`])).stdout);
      expect(inspected).toMatchObject({ Os: 'linux', Architecture: 'amd64' });
    } finally {
      await docker.close();
    }
  });
});
