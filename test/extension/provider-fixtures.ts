import { EDITOR_POLICY } from '../../src/core/features/compute-findings';
import { CosignStore } from '../../src/core/features/cosign-store';
import { DctStore } from '../../src/core/features/dct-store';
import { ResolutionStore } from '../../src/core/features/resolution-store';
import type { Resolution } from '../../src/core/registry/client-types';
import type { DctResult } from '../../src/core/trust/notary';
import type { CosignEvidence } from '../../src/core/trust/sigstore';
import type { ServiceSource } from '../../src/extension/services';
import { NO_NETWORK } from '../core/features/feature-fixtures';

export const DIGEST = `sha256:${'d'.repeat(64)}`;

type Answer<T> = T | 'pending' | undefined;

function answer<T>(value: Answer<T>, signals: AbortSignal[], signal: AbortSignal): Promise<T> {
  signals.push(signal);
  return value === 'pending' || value === undefined ? new Promise<T>(() => undefined) : Promise.resolve(value);
}

const resolutionOf = (reference: Resolution['reference']): Resolution => ({
  reference,
  digest: DIGEST,
  mediaType: 'm',
  size: 1,
  platforms: [],
});

/**
 * A service whose store resolves every tag to DIGEST, or answers only when the test calls `answerPending`
 * (`pending`). With `trust` (DCT) or `cosign`, that check is asked for every registry and answers it (or never
 * answers: `pending`). `signals` records the abort signal each request was given.
 */
export function serviceWith(
  resolution: 'resolved' | 'pending',
  trust?: Answer<DctResult>,
  cosignEvidence?: Answer<CosignEvidence>,
): ServiceSource & { signals: AbortSignal[]; answerPending(): void } {
  const signals: AbortSignal[] = [];
  const waiting: (() => void)[] = [];
  const resolve = (reference: Resolution['reference'], signal: AbortSignal) => {
    if (resolution === 'resolved') return answer(resolutionOf(reference), signals, signal);
    signals.push(signal);
    return new Promise<Resolution>((settle) => waiting.push(() => settle(resolutionOf(reference))));
  };
  const store = new ResolutionStore({ resolve, now: () => 0, ttlMs: 60_000, failureTtlMs: 1000, offline: false });
  const dct = new DctStore({ enabled: () => trust !== undefined, verify: (_, s) => answer(trust, signals, s) });
  const cosign = new CosignStore({
    enabled: () => cosignEvidence !== undefined,
    verify: (_, s) => answer(cosignEvidence, signals, s),
  });
  const lookups = { resolution: store.lookup, dct: dct.lookup, cosign: cosign.lookup };
  const service = {
    client: NO_NETWORK,
    policy: EDITOR_POLICY,
    store,
    dct,
    cosign,
    lookups,
    askAgain: () => undefined,
    dispose: () => undefined,
  };
  const answerPending = () => waiting.splice(0).forEach((settle) => settle());
  return { current: () => service, signals, answerPending };
}
