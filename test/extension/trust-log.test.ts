import { describe, expect, it } from 'vitest';
import { cosignLogEvent, dctLogEvent } from '../../src/extension/trust-log';
import { cosignEvidence, DIGEST_A, resolution, unsignedEvidence } from '../core/features/feature-fixtures';

describe('the trust lines of the output channel', () => {
  const resolved = resolution(DIGEST_A);

  it('says what cosign verified, or the codes of why not', () => {
    const verified = cosignEvidence({ signatures: [{ keyId: 'k', level: 'manifest', digest: DIGEST_A }] });
    expect(cosignLogEvent(resolved, verified).message).toBe(
      `cosign docker.io/library/alpine@${DIGEST_A}: verified (1 signature(s))`,
    );
    expect(cosignLogEvent(resolved, unsignedEvidence(DIGEST_A)).message).toContain('not verified COSIGN_NOT_SIGNED');
  });

  it('names the DCT signers, or the codes', () => {
    const base = { gun: 'docker.io/library/alpine', expires: {}, certificates: [], warnings: [], failures: [] };
    const signed = { ...base, signed: true, signers: ['targets/releases'], codes: [] };
    expect(dctLogEvent(resolved, signed).message).toBe(
      `dct docker.io/library/alpine@${DIGEST_A}: signed by targets/releases`,
    );
    const unsigned = { ...base, signed: false, signers: [], codes: ['DCT_NOT_SIGNED'] };
    expect(dctLogEvent(resolved, unsigned).message).toContain('not signed DCT_NOT_SIGNED');
  });
});
