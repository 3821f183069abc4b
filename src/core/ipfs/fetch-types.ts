import type { AttemptDeps, BlobOrigin } from './blob-attempts';
import type { Descriptor } from './descriptor';
import type { BlobStore, CreateHash } from './ports';

/** What a fetch reports as it goes: bytes as they arrive (any attempt), and each blob when it is committed. */
export interface FetchProgress {
  onTotal(bytes: number): void;
  onBytes(bytes: number): void;
  onBlob(descriptor: Descriptor, origin: BlobOrigin): void;
}

export interface FetchDeps extends AttemptDeps {
  store: BlobStore;
  createHash: CreateHash;
  progress?: FetchProgress;
}

export interface FetchedBlob {
  descriptor: Descriptor;
  origin: BlobOrigin;
}

export interface FetchedImage {
  /** What the layout's index.json lists: the top descriptor, or the one platform's manifest. */
  entries: Descriptor[];
  blobs: FetchedBlob[];
}
