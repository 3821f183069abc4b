export type { IpfsBlobSink, IpfsBlobSource } from './blob-source';
export { parseDescriptor, type Descriptor } from './descriptor';
export { cidCandidates, cidsFromUrls, ipfsUrl, parseIpfsReference } from './descriptor-cids';
export { digestForRawCid, parseCid, RAW_GUESS_MAX_BYTES, rawCidForDigest } from './digest-cid';
export { documentKind, parseImageDocument, type ImageDocument } from './image-document';
export { canTryElsewhere, IpfsError, type IpfsErrorCode, type IpfsErrorDetails } from './ipfs-error';
export {
  publishImage,
  type ImageBlobReader,
  type PublishDeps,
  type PublishedBlob,
  type PublishedImage,
} from './publish-image';
export { registryBlobReader, registryTopDescriptor } from './registry-blob-reader';
export type { BlobOrigin, FailedAttempt } from './blob-attempts';
export { BlobVerifier, readVerified, writeVerified } from './blob-verifier';
export { IPFS_DEFAULTS } from './defaults';
export {
  fetchBlobInto,
  fetchImage,
  type FetchDeps,
  type FetchedBlob,
  type FetchedImage,
  type FetchProgress,
} from './fetch-image';
export { parsePlatformText, platformText, selectPlatform, type PlatformWanted } from './platform-select';
export type { BlobStore, BlobTempFile, CreateHash, StreamingHash } from './ports';
export { fetchRootDescriptor } from './root-descriptor';
export { checkBlock } from './block-check';
export { readCarBlocks } from './car-blocks';
export { walkUnixfsFile, type Block, type BlockWalkSources } from './unixfs-block-walk';
export { documentsOnlyCache } from './documents-only-cache';
