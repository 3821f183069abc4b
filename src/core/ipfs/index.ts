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
