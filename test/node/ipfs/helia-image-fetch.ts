import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { IpfsBlobSource } from '../../../src/core/ipfs/blob-source';
import { fetchImage } from '../../../src/core/ipfs/fetch-image';
import { fetchRootDescriptor } from '../../../src/core/ipfs/root-descriptor';
import { createNodeHash } from '../../../src/node/ipfs/node-hash';
import { createOciLayoutStore } from '../../../src/node/oci-layout-store';

/** What `image-trust fetch ipfs://CID` does with one source: the image into an OCI layout, every blob verified. */
export async function fetchImageOverIpfs(source: IpfsBlobSource, cid: string, dir: string) {
  const signal = AbortSignal.timeout(30_000);
  const root = await fetchRootDescriptor([source], cid, createNodeHash, signal);
  const store = await createOciLayoutStore(dir, createNodeHash);
  const image = await fetchImage({ sources: [source], store, createHash: createNodeHash }, root.descriptor, { signal });
  await store.writeIndex(image.entries);
  return { root: root.descriptor, image };
}

/** skopeo reads the layout: the independent check that what was written is an image. */
export async function skopeoInspectRaw(dir: string): Promise<unknown> {
  const { stdout } = await promisify(execFile)('skopeo', ['inspect', '--raw', `oci:${dir}`]);
  return JSON.parse(stdout);
}
