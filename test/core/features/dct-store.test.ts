import { describe, expect, it } from 'vitest';
import { DctStore } from '../../../src/core/features/dct-store';
import { EDITOR_POLICY, resolutionOf } from '../../../src/core/features/compute-findings';
import { dctTrustHoverLines } from '../../../src/core/features/dct-hover';
import { trustOf } from '../../../src/core/features/reference-trust';
import { judge } from '../../../src/core/policy';
import type { ImageRef } from '../../../src/core/scan/image-ref';
import type { Resolution } from '../../../src/core/registry/client-types';
import type { DctResult } from '../../../src/core/trust/notary';
import { DIGEST_A, dockerfileRefs, lookupOf } from './feature-fixtures';

const [ref] = dockerfileRefs('FROM registry.example/demo/app:v1\nFROM other.example/app:v1\n');
const reference = ref?.reference;
if (!ref || !reference) throw new Error('no reference scanned');
const resolution: Resolution = { reference, digest: DIGEST_A, mediaType: 'm', size: 1, platforms: [] };
const RESULT: DctResult = {
  gun: 'registry.example/demo/app',
  signed: false,
  signers: [],
  expires: {},
  certificates: [],
  warnings: [],
  failures: [{ code: 'DCT_NOT_SIGNED', message: 'Not signed.' }],
  codes: ['DCT_NOT_SIGNED'],
};

function storeWith(verify: (signal: AbortSignal) => Promise<DctResult>) {
  const calls: AbortSignal[] = [];
  const store = new DctStore({
    enabled: (resolution) => resolution.reference.domain === 'registry.example',
    verify: (_, signal) => {
      calls.push(signal);
      return verify(signal);
    },
  });
  return { store, calls };
}

/** The DCT findings judge() makes of what the store knows (the reference's own findings left out). */
function trustFindings(refs: ImageRef[], lookup: ReturnType<typeof lookupOf>, dct: DctStore['lookup']) {
  const trust = trustOf({ resolution: lookup, dct, cosign: () => undefined });
  const input = { refs, resolutionOf: resolutionOf(lookup), trustOf: trust, referenceTime: Date.now() };
  return judge({ ...input, policy: EDITOR_POLICY, aspects: { reference: false } });
}

describe('DctStore', () => {
  it('verifies a digest once and feeds findings and hover lines', async () => {
    const { store, calls } = storeWith(() => Promise.resolve(RESULT));
    await store.ensure([resolution, resolution], new AbortController().signal);
    await store.ensure([resolution], new AbortController().signal);
    expect(calls).toHaveLength(1);
    const lookup = lookupOf({ 'registry.example/demo/app:v1': { kind: 'resolved', resolution, at: 0 } });
    expect(trustFindings([ref], lookup, store.lookup).map((f) => [f.code, f.severity])).toEqual([
      ['DCT_NOT_SIGNED', 'warning'],
    ]);
    expect(dctTrustHoverLines(ref, lookup, store.lookup)[0]).toBe('Docker Content Trust: not signed');
  });

  it('asks nothing for registries without a notary server', async () => {
    const { store, calls } = storeWith(() => Promise.resolve(RESULT));
    const other = { ...resolution, reference: { ...reference, domain: 'other.example' } };
    await store.ensure([other], new AbortController().signal);
    expect(calls).toHaveLength(0);
    expect(store.settled(other)).toBe(true);
  });

  it('aborts a verification nobody waits for any more, and caches nothing from it', async () => {
    const { store, calls } = storeWith(
      (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
    );
    const controller = new AbortController();
    const waiting = store.ensure([resolution], controller.signal);
    expect(store.lookup(resolution)).toEqual({ kind: 'pending' });
    controller.abort();
    await waiting;
    expect(calls[0]?.aborted).toBe(true);
    await Promise.resolve();
    expect(store.lookup(resolution)).toBeUndefined();
  });
});
