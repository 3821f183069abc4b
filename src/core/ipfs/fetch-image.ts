import { IPFS_DEFAULTS } from './defaults';
import type { Descriptor } from './descriptor';
import { fetchBlobInto } from './fetch-blob';
import { readDocument, storeDocument } from './fetch-document';
import type { FetchDeps, FetchedImage } from './fetch-types';
import { documentKind } from './image-document';
import { selectPlatform, type PlatformWanted } from './platform-select';
import { runPool } from './run-pool';

export { fetchBlobInto } from './fetch-blob';
export type { FetchDeps, FetchedBlob, FetchedImage, FetchProgress } from './fetch-types';

/**
 * Fetches an image into a blob store: the top document, then each manifest (each verified by its digest before
 * any CID inside it is trusted), then configs and layers, every blob verified before it is committed.
 */
export async function fetchImage(
  deps: FetchDeps,
  top: Descriptor,
  options: { platform?: PlatformWanted; signal: AbortSignal },
): Promise<FetchedImage> {
  const topDocument = await readDocument(deps, top, options.signal);
  const isIndex = topDocument.document.kind === 'index';
  const chosen = isIndex ? chooseManifests(topDocument.document.children, options.platform) : [top];
  const manifests = isIndex ? await inOrder(chosen, (m) => readDocument(deps, m, options.signal)) : [topDocument];
  // With a platform, the layout names that platform's manifest; otherwise what was asked for, index and all.
  const entries = isIndex && options.platform !== undefined ? chosen : [top];
  const documents = isIndex && entries[0] === top ? [topDocument, ...manifests] : manifests;
  const stored = await inOrder(documents, (d) => storeDocument(deps, d, options.signal));
  const layers = uniqueByDigest(manifests.flatMap((d) => d.document.children));
  deps.progress?.onTotal(layers.reduce((sum, d) => sum + d.size, 0));
  const stop = new AbortController();
  const signal = AbortSignal.any([options.signal, stop.signal]);
  const fetched = await runPool(
    layers,
    IPFS_DEFAULTS.blobConcurrency,
    (d) => fetchBlobInto(deps, d, signal),
    () => stop.abort(),
  );
  return { entries, blobs: [...stored, ...fetched] };
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
