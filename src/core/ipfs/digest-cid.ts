import { CID } from 'multiformats/cid';
import * as Digest from 'multiformats/hashes/digest';
import { parseDigest } from '../registry/digest';
import { IpfsError } from './ipfs-error';

export const RAW_CODEC = 0x55;
export const DAG_PB_CODEC = 0x70;
const SHA2_256 = 0x12;

/**
 * A raw-codec CIDv1 holds exactly the sha256 of its block, so it names a blob only when the blob was stored as
 * one raw block: at most 1 MiB with Helia's defaults (256 KiB with Kubo's), and never above the 2 MiB that
 * bitswap and gateways carry. Larger blobs get no guess: their UnixFS root CID cannot be derived from the digest.
 */
export const RAW_GUESS_MAX_BYTES = 1024 * 1024;

/** The raw CIDv1 guess for a blob, or `undefined` when the blob is too large or not sha256. */
export function rawCidForDigest(digest: string, size: number): string | undefined {
  const parsed = parseDigest(digest);
  if (parsed?.algorithm !== 'sha256' || size > RAW_GUESS_MAX_BYTES) return undefined;
  return CID.createV1(RAW_CODEC, Digest.create(SHA2_256, hexToBytes(parsed.hex))).toString();
}

/** The OCI digest a raw sha2-256 CID names, or `undefined` for any other CID (its hash is not the blob's). */
export function digestForRawCid(cid: CID): string | undefined {
  if (cid.code !== RAW_CODEC || cid.multihash.code !== SHA2_256) return undefined;
  return `sha256:${bytesToHex(cid.multihash.digest)}`;
}

/** Any CID version and base multiformats reads; throws IPFS_CID_INVALID otherwise. */
export function parseCid(text: string): CID {
  try {
    return CID.parse(text);
  } catch (error) {
    throw new IpfsError('IPFS_CID_INVALID', `${JSON.stringify(text)} is not a CID.`, { cid: text }, error);
  }
}

function hexToBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
