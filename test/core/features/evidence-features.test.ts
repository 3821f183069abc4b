import { describe, expect, it } from 'vitest';
import { computeEvidence } from '../../../src/core/features/compute-evidence';
import { computeEvidenceActions } from '../../../src/core/features/evidence-actions';
import type { TrustLookups } from '../../../src/core/features/reference-trust';
import { ARM_DIGEST, cosignEvidence, DIGEST_A, dockerfileRefs, lookupOf, resolution } from './feature-fixtures';

const ALPINE = 'docker.io/library/alpine:3.19';
const COSIGN = cosignEvidence({ signatures: [{ keyId: 'k1', level: 'index', digest: DIGEST_A }] });

function lookups(overrides: Partial<TrustLookups> = {}): TrustLookups {
  const platforms = [
    { os: 'linux', architecture: 'arm64', variant: 'v8', digest: ARM_DIGEST, mediaType: 'm', size: 1 },
  ];
  const state = { kind: 'resolved', resolution: resolution(DIGEST_A, platforms), at: Date.UTC(2026, 0, 2) } as const;
  return { resolution: lookupOf({ [ALPINE]: state }), dct: () => undefined, cosign: () => undefined, ...overrides };
}

describe('the evidence document', () => {
  it('shows the digest, each platform and the cosign evidence in full', () => {
    const text = computeEvidence(ALPINE, undefined, lookups({ cosign: () => ({ kind: 'verified', result: COSIGN }) }));
    expect(text).toContain(`# Evidence for \`${ALPINE}\``);
    expect(text).toContain(`- Digest used: \`${DIGEST_A}\` (the tag's)`);
    expect(text).toContain(`| \`linux/arm64/v8\` | \`${ARM_DIGEST}\` |`);
    expect(text).toContain('Resolved at 2026-01-02T00:00:00.000Z.');
    expect(text).toContain('- cosign: verified');
    expect(JSON.parse(text.split('## cosign')[1]?.split('```json')[1]?.split('```')[0] ?? '')).toEqual(COSIGN);
  });

  it('shows the evidence of the pinned platform manifest, not of the index, for a single-platform pin', () => {
    const pin = { domain: 'docker.io', path: 'library/alpine', digest: ARM_DIGEST };
    const cosign = (resolution: { digest: string }) =>
      resolution.digest === ARM_DIGEST ? ({ kind: 'verified', result: COSIGN } as const) : undefined;
    const text = computeEvidence(ALPINE, pin, lookups({ cosign }));
    expect(text).toContain(`# Evidence for \`${ALPINE}@${ARM_DIGEST}\``);
    expect(text).toContain(`- Digest used: \`${ARM_DIGEST}\` (the pin)`);
    expect(text).toContain('- cosign: verified');
  });

  it('says which checks did not run and why', () => {
    const text = computeEvidence(ALPINE, undefined, lookups());
    expect(text).toContain('- Docker Content Trust: not checked (no notary server is configured');
    expect(text).toContain('- cosign: not checked (no key or identity applies');
    expect(text).not.toContain('```json');
  });

  it('says why a tag is not resolved, with the code', () => {
    const failed = { kind: 'failed', code: 'AUTH_DENIED', message: 'denied', at: 0 } as const;
    const text = computeEvidence(ALPINE, undefined, lookups({ resolution: lookupOf({ [ALPINE]: failed }) }));
    expect(text).toContain('Not resolved: denied (`AUTH_DENIED`)');
  });
});

describe('"Open the evidence" actions', () => {
  it('offers one per tag on the line, none for a digest-only reference', () => {
    const refs = dockerfileRefs(`FROM alpine:3.19\nFROM alpine@${DIGEST_A}\n`);
    const line = (n: number) => ({ line: n, column: 1, endLine: n, endColumn: 1 });
    expect(computeEvidenceActions(refs, line(1))).toEqual([{ title: `Open the evidence for ${ALPINE}`, key: ALPINE }]);
    const pinned = dockerfileRefs(`FROM alpine:3.19@${ARM_DIGEST}\n`);
    expect(computeEvidenceActions(pinned, line(1))).toEqual([
      { title: `Open the evidence for ${ALPINE}`, key: ALPINE, pin: ARM_DIGEST },
    ]);
    expect(computeEvidenceActions(refs, line(2))).toEqual([]);
  });
});
