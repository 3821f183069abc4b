import { IPFS_DEFAULTS } from './defaults';
import type { Descriptor } from './descriptor';
import { fetchBlobInto } from './fetch-blob';
import { readConfig, readDocument, storeDocument, type ReadBlob, type ReadDocument } from './fetch-document';
import type { FetchDeps, FetchedImage } from './fetch-types';
import { documentKind } from './image-document';
import { selectPlatform, verifyConfigPlatform, type PlatformWanted } from './platform-select';
import { runPool } from './run-pool';

export { fetchBlobInto } from './fetch-blob';
export type { FetchDeps, FetchedBlob, FetchedImage, FetchProgress } from './fetch-types';

/**
 * Fetches an image into a blob store: the top document, then each manifest (each verified by its digest before
 * any CID inside it is trusted), then configs and layers, every blob verified before it is committed. A platform
 * picks an index's manifest; a lone manifest's config must name that platform before anything is written.
 */
export async function fetchImage(
  deps: FetchDeps,
  top: Descriptor,
  options: { platform?: PlatformWanted; signal: AbortSignal },
): Promise<FetchedImage> {
  const { platform, signal } = options;
  const topDocument = await readDocument(deps, top, signal);
  const isIndex = topDocument.document.kind === 'index';
  const chosen = isIndex ? chooseManifests(topDocument.document.children, platform) : [top];
  const manifests = isIndex ? await inOrder(chosen, (m) => readDocument(deps, m, signal)) : [topDocument];
  // Checked before anything is written, so a refused image leaves nothing behind.
  const configs = !isIndex && platform ? [await readConfigOf(deps, topDocument, platform, signal)] : [];
  // With a platform, the layout names that platform's manifest; otherwise what was asked for, index and all.
  const entries = isIndex && platform !== undefined ? chosen : [top];
  const documents = isIndex && entries[0] === top ? [topDocument, ...manifests] : manifests;
  const stored = await inOrder([...documents, ...configs], (d) => storeDocument(deps, d, signal));
  const inMemory = new Set(configs.map((c) => c.descriptor.digest));
  const layers = uniqueByDigest(manifests.flatMap((d) => d.document.children)).filter((d) => !inMemory.has(d.digest));
  deps.progress?.onTotal(layers.reduce((sum, d) => sum + d.size, 0));
  const stop = new AbortController();
  const pool = AbortSignal.any([signal, stop.signal]);
  const fetched = await runPool(
    layers,
    IPFS_DEFAULTS.blobConcurrency,
    (d) => fetchBlobInto(deps, d, pool),
    () => stop.abort(),
  );
  return { entries, blobs: [...stored, ...fetched] };
}

// A lone manifest's platform is in its config, read into memory to be checked and then stored from there.
async function readConfigOf(
  deps: FetchDeps,
  manifest: ReadDocument,
  platform: PlatformWanted,
  signal: AbortSignal,
): Promise<ReadBlob> {
  const [config] = manifest.document.children as [Descriptor, ...Descriptor[]];
  const read = await readConfig(deps, config, signal);
  verifyConfigPlatform(config, read.bytes, platform);
  return read;
}

// An index's manifests (not nested indexes or artifacts without a manifest type); one when a platform is asked.
function chooseManifests(children: Descriptor[], platform: PlatformWanted | undefined): Descriptor[] {
  const manifests = children.filter((c) => documentKind(c) === 'manifest');
  return platform === undefined ? manifests : selectPlatform(manifests, platform);
}

async function inOrder<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await task(item));
  return results;
}

function uniqueByDigest(descriptors: Descriptor[]): Descriptor[] {
  return [...new Map(descriptors.map((d) => [d.digest, d])).values()];
}
