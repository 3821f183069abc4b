/** Incremental hashing lives with the registry's ports: a streamed registry blob is verified with it too. */
export type { CreateHash, StreamingHash } from '../registry/ports';

/** A blob being written: nothing is visible under its digest until `commit`. */
export interface BlobTempFile {
  write(bytes: Uint8Array): Promise<void>;
  /** Makes the blob visible under its digest (a rename). */
  commit(): Promise<void>;
  /** Deletes what was written; safe after a failed write. */
  discard(): Promise<void>;
}

/** Where fetched blobs go: an OCI image layout (src/node/oci-layout-store.ts). */
export interface BlobStore {
  /** True when a blob of this digest and size is already there (it was verified when it was written). */
  hasBlob(digest: string, size: number): Promise<boolean>;
  openBlob(digest: string): Promise<BlobTempFile>;
}
