import { NOTARY_DEFAULTS } from './defaults';
import { verifyNotExpired } from './expiry';
import type { RootSigned, SignedFile } from './metadata';
import { NotaryError } from './notary-error';
import { parseSignedFile } from './parse-metadata';
import type { MetadataSource } from './ports';
import { verifyNoRollback } from './rollback';
import { usableRootKeys } from './root-certificates';
import { verifyThreshold } from './threshold';

export type RootPin = 'tofu' | 'pinned' | 'rotated';

export interface RootContext {
  gun: string;
  source: MetadataSource;
  referenceTime: number;
  maxRootBytes: number;
  signal?: AbortSignal;
}

/** A root signs itself: a threshold of its own usable certificate keys. */
function verifySelfSigned(root: SignedFile<RootSigned>, gun: string, referenceTime: number): void {
  const { keys, problem } = usableRootKeys(root, gun, referenceTime);
  try {
    verifyThreshold(root, root.signed.roles.root, keys);
  } catch (error) {
    throw problem ?? error;
  }
}

/** A new root is also signed by a threshold of the previous root's keys (their expiry is not checked). */
function verifySignedByPrevious(next: SignedFile<RootSigned>, previous: SignedFile<RootSigned>, gun: string): boolean {
  const { keys } = usableRootKeys(previous, gun, undefined);
  try {
    verifyThreshold(next, previous.signed.roles.root, keys);
    return true;
  } catch {
    return false;
  }
}

async function fetchRootVersion(ctx: RootContext, version: number): Promise<SignedFile<RootSigned> | undefined> {
  const bytes = await ctx.source.fetch({ role: 'root', version, maxBytes: ctx.maxRootBytes, signal: ctx.signal });
  return bytes === undefined ? undefined : parseSignedFile('root', bytes, 'Root');
}

/** Walks `<v>.root.json` from the trusted version up, each signed by the one before and by itself. */
async function chainFrom(ctx: RootContext, trusted: SignedFile<RootSigned>, latest: SignedFile<RootSigned>) {
  let current = trusted;
  const last = Math.min(latest.signed.version - 1, trusted.signed.version + NOTARY_DEFAULTS.maxRootRotations);
  for (let version = trusted.signed.version + 1; version <= last; version++) {
    const step = await fetchRootVersion(ctx, version);
    if (step === undefined) continue;
    if (verifySignedByPrevious(step, current, ctx.gun)) current = step;
  }
  return verifySignedByPrevious(latest, current, ctx.gun);
}

/**
 * Establishes the root for this update: trust on first use when nothing is pinned, otherwise the served root
 * must be the pinned one or chain from it. Its own certificates, threshold and expiry are checked last.
 */
export async function verifyRoot(
  ctx: RootContext,
  served: SignedFile<RootSigned>,
  trusted: SignedFile<RootSigned> | undefined,
  seen: Record<string, number>,
): Promise<RootPin> {
  verifyNoRollback('root', served.signed.version, seen);
  verifySelfSigned(served, ctx.gun, ctx.referenceTime);
  let pin: RootPin = 'tofu';
  if (trusted !== undefined) {
    pin = Buffer.from(served.bytes).equals(Buffer.from(trusted.bytes)) ? 'pinned' : 'rotated';
    if (pin === 'rotated' && !(await chainFrom(ctx, trusted, served))) {
      const message = `The root of ${ctx.gun} changed and the new one is not signed by the pinned root's keys.`;
      throw new NotaryError('TUF_ROOT_CHANGED', message, {
        gun: ctx.gun,
        role: 'root',
        version: served.signed.version,
      });
    }
  }
  verifyNotExpired('root', served.signed.expires, ctx.referenceTime);
  return pin;
}
