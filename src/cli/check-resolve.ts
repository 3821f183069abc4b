import { CoreError } from '../core/errors';
import type { RefResolution } from '../core/policy';
import { referenceString } from '../core/reference';
import type { RegistryClient, RegistryRef, Resolution } from '../core/registry/client-types';
import type { ImageRef } from '../core/scan/image-ref';
import type { Progress } from './check-progress';

/** What the registry said for each reference: its tag's state, and the resolution of the digest it uses. */
export interface ResolvedRefs {
  /** The state judge() sees: a pin that is not served wins over what the tag says. */
  stateOf(ref: ImageRef): RefResolution | undefined;
  /** The digest a build would use (the written pin, else the tag's digest), verified against its bytes. */
  usedOf(ref: ImageRef): Resolution | undefined;
}

type Answer = { ok: true; resolution: Resolution } | { ok: false; code: string; message: string };

const failed = (answer: Answer): RefResolution | undefined =>
  answer.ok ? undefined : { kind: 'failed', code: answer.code, message: answer.message };

/** Resolves every distinct tag and pinned digest once, all in parallel (the client limits connections). */
export async function resolveReferences(
  refs: readonly ImageRef[],
  client: RegistryClient,
  progress: Progress,
  signal?: AbortSignal,
): Promise<ResolvedRefs> {
  const answers = new Map<string, Promise<Answer>>();
  let done = 0;
  const ask = (ref: RegistryRef): Promise<Answer> => {
    const key = referenceString(ref);
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = client.resolve(ref, signal ? { signal } : {}).then(
        (resolution): Answer => ({ ok: true, resolution }),
        (error: unknown): Answer => {
          if (!(error instanceof CoreError)) throw error;
          return { ok: false, code: error.code, message: error.message };
        },
      );
      answers.set(key, answer);
    }
    return answer;
  };
  const valid = refs.filter((ref) => ref.reference !== null);
  const tick = progress.stage('resolving', valid.length);
  const rows = await Promise.all(
    valid.map(async (ref) => {
      const { domain, path, tag, digest } = ref.reference ?? { domain: '', path: '' };
      const tagged = tag === undefined ? undefined : await ask({ domain, path, tag });
      const sameDigest = tagged?.ok && tagged.resolution.digest === digest;
      const pinned = digest === undefined || sameDigest ? tagged : await ask({ domain, path, digest });
      tick(++done);
      return { ref, tagged, pinned };
    }),
  );
  const byRef = new Map(rows.map((row) => [row.ref, row]));
  return {
    stateOf(ref) {
      const row = byRef.get(ref);
      if (row === undefined) return undefined;
      const state = row.pinned && !row.pinned.ok ? failed(row.pinned) : undefined;
      if (state) return state;
      if (row.tagged === undefined)
        return row.pinned?.ok ? { kind: 'resolved', resolution: row.pinned.resolution } : undefined;
      return row.tagged.ok ? { kind: 'resolved', resolution: row.tagged.resolution } : failed(row.tagged);
    },
    usedOf(ref) {
      const pinned = byRef.get(ref)?.pinned;
      return pinned?.ok ? pinned.resolution : undefined;
    },
  };
}
