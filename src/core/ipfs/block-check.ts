import type { CID } from 'multiformats/cid';
import { IPFS_DEFAULTS } from './defaults';
import { IpfsError } from './ipfs-error';
import type { CreateHash } from './ports';

const HASHES: Readonly<Record<number, string>> = { 0x12: 'sha256', 0x13: 'sha512' };

/** Throws unless `bytes` hash to the multihash in `cid` and fit the 2 MiB block cap; `source` is named in the error. */
export function checkBlock(cid: CID, bytes: Uint8Array, createHash: CreateHash, source: string): void {
  const details = { cid: cid.toString(), source };
  if (bytes.length > IPFS_DEFAULTS.maxBlockBytes) {
    const message = `${source} sent a ${bytes.length}-byte block for ${cid}, above the ${IPFS_DEFAULTS.maxBlockBytes}-byte block cap.`;
    throw new IpfsError('IPFS_BLOCK_TOO_LARGE', message, details);
  }
  const algorithm = HASHES[cid.multihash.code];
  if (algorithm === undefined) {
    const message = `${cid} uses multihash 0x${cid.multihash.code.toString(16)}, which cannot be checked here.`;
    throw new IpfsError('IPFS_UNSUPPORTED', message, details);
  }
  const hash = createHash(algorithm);
  hash.update(bytes);
  const expected = toHex(cid.multihash.digest);
  const actual = hash.digest();
  if (actual !== expected) {
    const message = `${source} sent a block that does not hash to ${cid}: refused.`;
    throw new IpfsError('IPFS_BLOCK_INVALID', message, { ...details, expected, actual });
  }
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
