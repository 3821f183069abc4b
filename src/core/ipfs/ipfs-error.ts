import { DetailedError } from '../errors';

export type IpfsErrorCode =
  | 'IPFS_DIGEST_MISMATCH'
  | 'IPFS_SIZE_MISMATCH'
  | 'IPFS_BLOCK_INVALID'
  | 'IPFS_BLOCK_TOO_LARGE'
  | 'IPFS_CAR_INVALID'
  | 'IPFS_NO_CID'
  | 'IPFS_CID_INVALID'
  | 'IPFS_DESCRIPTOR_INVALID'
  | 'IPFS_UNSUPPORTED'
  | 'IPFS_NOT_FOUND'
  | 'IPFS_UNAVAILABLE'
  | 'IPFS_TIMEOUT'
  | 'IPFS_PLATFORM_NOT_FOUND'
  | 'IPFS_WRITE_FAILED'
  | 'IPFS_CONFIG_INVALID';

/** Evidence beside the message: which CID, which source, what was expected; never a credential. */
export interface IpfsErrorDetails {
  cid?: string;
  digest?: string;
  source?: string;
  expected?: string;
  actual?: string;
}

/** Every failure of the IPFS fetch and publish paths. */
export class IpfsError extends DetailedError<IpfsErrorCode, IpfsErrorDetails> {
  constructor(code: IpfsErrorCode, message: string, details: IpfsErrorDetails = {}, cause?: unknown) {
    super(code, message, details, cause);
  }
}

/** Codes that mean "this source cannot give these bytes": the next CID, source or the registry may. */
const TRY_ELSEWHERE: ReadonlySet<string> = new Set<IpfsErrorCode>([
  'IPFS_DIGEST_MISMATCH',
  'IPFS_SIZE_MISMATCH',
  'IPFS_BLOCK_INVALID',
  'IPFS_BLOCK_TOO_LARGE',
  'IPFS_CAR_INVALID',
  'IPFS_CID_INVALID',
  'IPFS_UNSUPPORTED',
  'IPFS_NOT_FOUND',
  'IPFS_UNAVAILABLE',
  'IPFS_TIMEOUT',
]);

export function canTryElsewhere(error: unknown): boolean {
  return error instanceof IpfsError && TRY_ELSEWHERE.has(error.code);
}
