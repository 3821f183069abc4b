import { computeKeyId, parsePublicKey } from './keys';
import type { RoleKeys, SignedFile, TufKey } from './metadata';
import { NotaryError } from './notary-error';
import { isKnownMethod, verifySignature } from './signature-methods';

interface Tally {
  valid: Set<string>;
  invalid: number;
  foreign: number;
}

function tally(file: SignedFile<unknown>, role: RoleKeys, keys: Record<string, TufKey>): Tally {
  const allowed = new Set(role.keyids);
  const result: Tally = { valid: new Set(), invalid: 0, foreign: 0 };
  for (const signature of file.signatures) {
    const key = keys[signature.keyid];
    if (!allowed.has(signature.keyid) || key === undefined) {
      result.foreign++;
      continue;
    }
    // A listed key whose ID does not recompute is a forged key table, not a skippable signature (notary too).
    if (computeKeyId(key) !== signature.keyid) {
      throw new NotaryError('TUF_BAD_KEY_ID', `The ${file.role} role lists a key under a wrong ID.`, {
        role: file.role,
      });
    }
    if (!isKnownMethod(signature.method)) continue;
    const parsed = parsePublicKey(key);
    const ok =
      parsed !== undefined &&
      verifySignature(signature.method, parsed, file.canonical, Buffer.from(signature.sig, 'base64'));
    if (ok) result.valid.add(signature.keyid);
    else result.invalid++;
  }
  return result;
}

/**
 * Checks that at least `threshold` distinct keys of the role signed the file; returns their IDs. Fails with
 * TUF_BAD_SIGNATURE when a signature by a role key does not verify, TUF_WRONG_KEY when only other keys signed,
 * TUF_THRESHOLD when too few role keys signed.
 */
export function verifyThreshold(file: SignedFile<unknown>, role: RoleKeys, keys: Record<string, TufKey>): string[] {
  const { valid, invalid, foreign } = tally(file, role, keys);
  if (valid.size >= role.threshold) return [...valid];
  const details = { role: file.role };
  if (invalid > 0) {
    throw new NotaryError('TUF_BAD_SIGNATURE', `A signature on the ${file.role} trust data does not verify.`, details);
  }
  if (valid.size === 0 && foreign > 0) {
    throw new NotaryError(
      'TUF_WRONG_KEY',
      `The ${file.role} trust data is signed by keys the role does not trust.`,
      details,
    );
  }
  const message = `The ${file.role} trust data has ${valid.size} of the ${role.threshold} signatures it needs.`;
  throw new NotaryError('TUF_THRESHOLD', message, details);
}
