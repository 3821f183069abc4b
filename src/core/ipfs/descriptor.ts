import { parseDigest } from '../registry/digest';
import { IpfsError } from './ipfs-error';

/** An OCI content descriptor (image-spec descriptor.md); unknown fields are kept as they were. */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  urls?: string[];
  annotations?: Record<string, string>;
  platform?: { os: string; architecture: string; variant?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** Checks the fields every use relies on; `what` names the descriptor in the error (e.g. "layer 2"). */
export function parseDescriptor(value: unknown, what: string): Descriptor {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`${what} is not an object`);
  const { mediaType, digest, size, urls } = value as Record<string, unknown>;
  if (typeof mediaType !== 'string') throw invalid(`${what} has no mediaType`);
  if (typeof digest !== 'string' || parseDigest(digest) === undefined) throw invalid(`${what} has no valid digest`);
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw invalid(`${what} has no valid size`);
  if (urls !== undefined && !(Array.isArray(urls) && urls.every((u) => typeof u === 'string'))) {
    throw invalid(`${what} has urls that are not strings`);
  }
  return value as Descriptor;
}

/** Parses a JSON object from bytes already verified (or, for a root descriptor, checked against its CID). */
export function parseJsonDocument(bytes: Uint8Array, what: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new IpfsError('IPFS_DESCRIPTOR_INVALID', `${what} is not JSON.`, {}, error);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw invalid(`${what} is not a JSON object`);
  return doc as Record<string, unknown>;
}

function invalid(why: string): IpfsError {
  return new IpfsError('IPFS_DESCRIPTOR_INVALID', `${why}.`);
}
