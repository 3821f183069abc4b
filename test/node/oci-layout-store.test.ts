import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeVerified } from '../../src/core/ipfs/blob-verifier';
import { createNodeHash } from '../../src/node/ipfs/node-hash';
import { createOciLayoutStore } from '../../src/node/oci-layout-store';
import { blobFiles, useTempLayouts } from '../core/ipfs/layout-dir';
import { describe as descriptorOf, OCI_LAYER, OCI_MANIFEST } from '../core/ipfs/image-fixture';

const bytes = new TextEncoder().encode('a layer');
const layer = descriptorOf(OCI_LAYER, bytes);

async function* once(data: Uint8Array) {
  yield data;
}

describe('OCI layout store', () => {
  const layout = useTempLayouts();

  it('writes oci-layout once and merges index.json entries by digest', async () => {
    const { dir, store } = await layout();
    const one = descriptorOf(OCI_MANIFEST, new TextEncoder().encode('{"one":1}'));
    const two = descriptorOf(OCI_MANIFEST, new TextEncoder().encode('{"two":2}'));
    await store.writeIndex([one]);
    await store.writeIndex([{ ...one, annotations: { 'org.opencontainers.image.ref.name': 'v1' } }, two]);
    expect(JSON.parse(await readFile(join(dir, 'oci-layout'), 'utf8'))).toEqual({ imageLayoutVersion: '1.0.0' });
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(index.manifests.map((m: { digest: string }) => m.digest)).toEqual([one.digest, two.digest]);
    expect(index.manifests[0].annotations).toEqual({ 'org.opencontainers.image.ref.name': 'v1' });
    await createOciLayoutStore(dir, createNodeHash); // opening it again keeps what is there
    expect(JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')).manifests).toHaveLength(2);
  });

  it('re-hashes a blob on disk: a changed file is not "present"', async () => {
    const { dir, store } = await layout();
    await writeVerified(layer, once(bytes), await store.openBlob(layer.digest), createNodeHash, 'test');
    expect(await store.hasBlob(layer.digest, layer.size)).toBe(true);
    await writeFile(join(dir, 'blobs', ...layer.digest.split(':')), 'a lay3r');
    expect(await store.hasBlob(layer.digest, layer.size)).toBe(false);
    expect(await store.hasBlob(layer.digest, layer.size + 1)).toBe(false);
  });

  it('refuses a digest that would name a path outside blobs/ (IPFS_DESCRIPTOR_INVALID)', async () => {
    const { dir, store } = await layout();
    await expect(store.openBlob('sha256:../../etc/passwd')).rejects.toMatchObject({ code: 'IPFS_DESCRIPTOR_INVALID' });
    expect(await blobFiles(dir)).toEqual([]);
  });

  it('says IPFS_WRITE_FAILED when the layout cannot be created', async () => {
    const { dir } = await layout();
    await writeFile(join(dir, 'file'), 'not a directory');
    const run = createOciLayoutStore(join(dir, 'file', 'layout'), createNodeHash);
    await expect(run).rejects.toMatchObject({ code: 'IPFS_WRITE_FAILED' });
  });
});
