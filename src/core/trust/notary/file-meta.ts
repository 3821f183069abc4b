import { createHash } from 'node:crypto';
import type { FileMeta } from './metadata';
import { NotaryError } from './notary-error';

// Algorithms notary writes; others are ignored, but sha256 must be there.
const KNOWN = ['sha256', 'sha512'] as const;

/** The sha256 hex a parent names for a child, used to fetch the child by checksum. */
export function sha256Hex(meta: FileMeta): string | undefined {
  const b64 = meta.hashes.sha256;
  return b64 === undefined ? undefined : Buffer.from(b64, 'base64').toString('hex');
}

/** The downloaded bytes must have every hash the parent lists (sha256 at least) and exactly its length. */
export function verifyFileMeta(role: string, bytes: Uint8Array, meta: FileMeta): void {
  if (meta.hashes.sha256 === undefined) {
    throw new NotaryError('TUF_MISSING_META', `The parent of ${role} names no sha256 for it.`, { role });
  }
  for (const algorithm of KNOWN) {
    const expected = meta.hashes[algorithm];
    if (expected === undefined) continue;
    const actual = createHash(algorithm).update(bytes).digest('base64');
    if (actual !== expected) {
      throw new NotaryError('TUF_HASH_MISMATCH', `The ${role} trust data differs from what its parent signed.`, {
        role,
      });
    }
  }
  // notary only caps the download at the length; an exact length is stricter and costs nothing.
  if (bytes.length !== meta.length) {
    throw new NotaryError('TUF_LENGTH_MISMATCH', `The ${role} trust data has another length than its parent signed.`, {
      role,
    });
  }
}
