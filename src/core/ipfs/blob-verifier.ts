import { parseDigest } from '../registry/digest';
import type { Descriptor } from './descriptor';
import { IpfsError } from './ipfs-error';
import type { BlobTempFile, CreateHash } from './ports';

/**
 * Hashes bytes as they arrive and refuses them as soon as they exceed the descriptor's size; `finish` requires
 * the exact size and digest. `source` names where the bytes came from in the error.
 */
export class BlobVerifier {
  private readonly hash;
  private received = 0;

  constructor(
    private readonly descriptor: Descriptor,
    createHash: CreateHash,
    private readonly source: string,
  ) {
    const parsed = parseDigest(descriptor.digest);
    if (parsed === undefined) {
      throw new IpfsError('IPFS_DESCRIPTOR_INVALID', `${descriptor.digest} is not a digest.`);
    }
    this.hash = createHash(parsed.algorithm);
  }

  push(bytes: Uint8Array): void {
    this.received += bytes.length;
    if (this.received > this.descriptor.size) throw this.sizeMismatch(`more than ${this.descriptor.size}`);
    this.hash.update(bytes);
  }

  finish(): void {
    if (this.received !== this.descriptor.size) throw this.sizeMismatch(String(this.received));
    const algorithm = this.descriptor.digest.split(':')[0];
    const actual = `${algorithm}:${this.hash.digest()}`;
    if (actual !== this.descriptor.digest) {
      const message = `${this.source} sent bytes whose digest ${actual} is not ${this.descriptor.digest}: refused, nothing written.`;
      throw new IpfsError('IPFS_DIGEST_MISMATCH', message, this.details(this.descriptor.digest, actual));
    }
  }

  private sizeMismatch(actual: string): IpfsError {
    const message = `${this.source} sent ${actual} bytes for ${this.descriptor.digest} of ${this.descriptor.size} bytes: refused, nothing written.`;
    return new IpfsError('IPFS_SIZE_MISMATCH', message, this.details(String(this.descriptor.size), actual));
  }

  private details(expected: string, actual: string) {
    return { digest: this.descriptor.digest, source: this.source, expected, actual };
  }
}

/** Streams `chunks` into `file`, verified; the file is committed only when size and digest match, else discarded. */
export async function writeVerified(
  descriptor: Descriptor,
  chunks: AsyncIterable<Uint8Array>,
  file: BlobTempFile,
  createHash: CreateHash,
  source: string,
): Promise<void> {
  try {
    const verifier = new BlobVerifier(descriptor, createHash, source);
    for await (const chunk of chunks) {
      verifier.push(chunk);
      await file.write(chunk);
    }
    verifier.finish();
  } catch (error) {
    await file.discard();
    throw error;
  }
  await file.commit();
}

/** Reads a small blob (a manifest) into memory, verified the same way; `descriptor.size` bounds the memory. */
export async function readVerified(
  descriptor: Descriptor,
  chunks: AsyncIterable<Uint8Array>,
  createHash: CreateHash,
  source: string,
): Promise<Uint8Array> {
  const verifier = new BlobVerifier(descriptor, createHash, source);
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) {
    verifier.push(chunk);
    parts.push(chunk);
  }
  verifier.finish();
  const bytes = new Uint8Array(descriptor.size);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}
