import { verifyNotExpired } from './expiry';
import { sha256Hex, verifyFileMeta } from './file-meta';
import type { FileMeta, SignedFile, TargetsSigned, RoleKeys, TufKey } from './metadata';
import { NotaryError } from './notary-error';
import { parseSignedFile } from './parse-metadata';
import type { MetadataSource } from './ports';
import { verifyNoRollback } from './rollback';
import { verifyThreshold } from './threshold';

export interface FetchContext {
  gun: string;
  source: MetadataSource;
  referenceTime: number;
  /** Versions seen before (the rollback floor). */
  seen: Record<string, number>;
  signal?: AbortSignal;
}

/** Fetches the exact file a parent signed (by checksum, capped at its length) and checks hashes and length. */
export async function fetchChild(ctx: FetchContext, role: string, meta: FileMeta): Promise<Uint8Array> {
  const checksum = sha256Hex(meta);
  if (checksum === undefined) throw new NotaryError('TUF_MISSING_META', `No sha256 is listed for ${role}.`, { role });
  const bytes = await ctx.source.fetch({ role, checksum, maxBytes: meta.length, signal: ctx.signal });
  if (bytes === undefined) {
    throw new NotaryError('TUF_UNAVAILABLE', `The server has no ${role} trust data for ${ctx.gun}.`, {
      gun: ctx.gun,
      role,
    });
  }
  verifyFileMeta(role, bytes, meta);
  return bytes;
}

/** The checks every non-root role gets, in notary's order: signatures, version, then expiry last. */
export function verifyRole<T extends { version: number; expires: string }>(
  ctx: FetchContext,
  file: SignedFile<T>,
  role: RoleKeys,
  keys: Record<string, TufKey>,
): string[] {
  const signers = verifyThreshold(file, role, keys);
  verifyNoRollback(file.role, file.signed.version, ctx.seen);
  verifyNotExpired(file.role, file.signed.expires, ctx.referenceTime);
  return signers;
}

/** A targets-typed child (top-level targets or a delegation) fetched and verified against its parent's meta. */
export async function fetchTargets(
  ctx: FetchContext,
  role: string,
  meta: FileMeta,
  keys: Record<string, TufKey>,
  roleKeys: RoleKeys,
): Promise<SignedFile<TargetsSigned>> {
  const file = parseSignedFile(role, await fetchChild(ctx, role, meta), 'Targets');
  verifyRole(ctx, file, roleKeys, keys);
  return file;
}
