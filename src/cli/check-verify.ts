import { CoreError } from '../core/errors';
import type { EffectiveRule, TrustEvidence } from '../core/policy';
import type { RegistryClient, Resolution } from '../core/registry/client-types';
import type { ImageRef } from '../core/scan/image-ref';
import { gunOf, verifyResolutionDct, type DctResult, type ResolutionDctDeps } from '../core/trust/notary';
import { verifyResolutionCosign, type CosignEvidence, type SigstoreTrust } from '../core/trust/sigstore';
import type { Progress } from './check-progress';

/** What to verify for a reference under its rule: DCT or not, and cosign with which trust (none: not at all). */
export interface VerifyPlan {
  ruleOf(ref: ImageRef): EffectiveRule;
  wantsDct(ref: ImageRef, rule: EffectiveRule): boolean;
  /** The same object for every reference whose rule trusts the same keys and identities. */
  cosignTrust(ref: ImageRef): SigstoreTrust | undefined;
}

export interface VerifyDeps {
  client: RegistryClient;
  dct: ResolutionDctDeps;
}

/** A verification that could not run to its end (the server did not answer): the check is incomplete. */
export interface Unverified {
  ref: ImageRef;
  code: string;
  message: string;
}

export interface VerifiedRefs {
  trustOf(ref: ImageRef): TrustEvidence | undefined;
  unverified: Unverified[];
}

function once<T>(cache: Map<string, Promise<T>>, key: string, work: () => Promise<T>): Promise<T> {
  let running = cache.get(key);
  if (running === undefined) {
    running = work();
    cache.set(key, running);
  }
  return running;
}

/**
 * Verifies the digest each reference uses, each distinct (repository, digest, trust) once: DCT where the plan asks
 * for it, cosign with the rule's keys and identities. Trust failures are evidence; only an error thrown (no answer) is kept apart.
 */
export async function verifyReferences(
  refs: readonly ImageRef[],
  usedOf: (ref: ImageRef) => Resolution | undefined,
  plan: VerifyPlan,
  deps: VerifyDeps,
  progress: Progress,
): Promise<VerifiedRefs> {
  const dctRuns = new Map<string, Promise<DctResult>>();
  const cosignRuns = new Map<string, Promise<CosignEvidence>>();
  const trustIds = new Map<SigstoreTrust, number>();
  const evidence = new Map<ImageRef, TrustEvidence>();
  const unverified: Unverified[] = [];
  const targets = refs.flatMap((ref) => {
    const used = usedOf(ref);
    return used ? [{ ref, used }] : [];
  });
  const tick = progress.stage('verifying', targets.length);
  let done = 0;
  await Promise.all(
    targets.map(async ({ ref, used }) => {
      const rule = plan.ruleOf(ref);
      const cosignTrust = plan.cosignTrust(ref);
      if (cosignTrust && !trustIds.has(cosignTrust)) trustIds.set(cosignTrust, trustIds.size);
      const at = `${gunOf(used)}@${used.digest}`;
      try {
        const [dct, cosign] = await Promise.all([
          plan.wantsDct(ref, rule) ? once(dctRuns, at, () => verifyResolutionDct(used, deps.dct)) : undefined,
          cosignTrust === undefined
            ? undefined
            : once(cosignRuns, `${at} ${trustIds.get(cosignTrust)}`, () =>
                verifyResolutionCosign(used, { client: deps.client, keys: [], trust: cosignTrust }),
              ),
        ]);
        evidence.set(ref, { ...(dct ? { dct } : {}), ...(cosign ? { cosign } : {}) });
      } catch (error) {
        if (!(error instanceof CoreError)) throw error;
        unverified.push({ ref, code: error.code, message: error.message });
      }
      tick(++done);
    }),
  );
  return { trustOf: (ref) => evidence.get(ref), unverified };
}
