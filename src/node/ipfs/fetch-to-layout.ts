import type { IpfsBlobSource } from '../../core/ipfs/blob-source';
import type { Descriptor } from '../../core/ipfs/descriptor';
import { fetchImage, type FetchDeps, type FetchedImage, type FetchProgress } from '../../core/ipfs/fetch-image';
import type { PlatformWanted } from '../../core/ipfs/platform-select';
import { registryBlobReader, registryTopDescriptor } from '../../core/ipfs/registry-blob-reader';
import { fetchRootDescriptor } from '../../core/ipfs/root-descriptor';
import type { RegistryClient } from '../../core/registry/client-types';
import { createOciLayoutStore } from '../oci-layout-store';
import { createNodeHash } from './node-hash';

/** An image CID, or a pinned image in a registry; `tag` names it in index.json. */
export type LayoutTarget =
  | { kind: 'ipfs'; cid: string; tag: string }
  | { kind: 'registry'; domain: string; path: string; digest: string; tag: string };

export interface FetchToLayoutOptions {
  sources: readonly IpfsBlobSource[];
  /** Reads the top manifest of a registry target, and (with `fallback`) what IPFS does not give. */
  client: RegistryClient;
  fallback: boolean;
  output: string;
  platform?: PlatformWanted;
  progress?: FetchProgress;
  signal: AbortSignal;
}

/** What `image-trust fetch` and the editor command do: the image into an OCI layout at `output`, every blob verified. */
export async function fetchToLayout(target: LayoutTarget, options: FetchToLayoutOptions): Promise<FetchedImage> {
  const { signal, client } = options;
  const top =
    target.kind === 'ipfs'
      ? (await fetchRootDescriptor(options.sources, target.cid, createNodeHash, signal)).descriptor
      : await registryTopDescriptor(client, target, signal);
  const store = await createOciLayoutStore(options.output, createNodeHash);
  const deps: FetchDeps = { sources: options.sources, store, createHash: createNodeHash };
  if (target.kind === 'registry' && options.fallback)
    deps.fallback = registryBlobReader(client, target, createNodeHash);
  if (options.progress) deps.progress = options.progress;
  const fetched = await fetchImage(deps, top, { signal, ...(options.platform ? { platform: options.platform } : {}) });
  await store.writeIndex(fetched.entries.map((entry) => named(entry, target.tag)));
  return fetched;
}

// umoci and skopeo's oci:DIR:NAME find an image by this annotation.
function named(entry: Descriptor, tag: string): Descriptor {
  return { ...entry, annotations: { ...entry.annotations, 'org.opencontainers.image.ref.name': tag } };
}
