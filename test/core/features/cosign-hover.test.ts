import { describe, expect, it } from 'vitest';
import { cosignHoverLines } from '../../../src/core/features/cosign-hover';
import { ARM_DIGEST, cosignEvidence, DIGEST_A } from './feature-fixtures';

const base = cosignEvidence();

describe('cosign hover lines', () => {
  it('names a keyless signer by identity and issuer, per level', () => {
    const lines = cosignHoverLines({
      ...base,
      signatures: [
        {
          keyId: 'f'.repeat(64),
          level: 'index',
          digest: DIGEST_A,
          identity: 'https://ci.example/build',
          issuer: 'https://issuer.example',
        },
        { keyId: 'e'.repeat(64), level: 'platform', platform: 'linux/arm64', digest: ARM_DIGEST },
      ],
    });
    expect(lines).toEqual([
      'cosign: verified',
      '- index signed by `https://ci.example/build` (issuer `https://issuer.example`, keyless)',
      `- platform \`linux/arm64\` signed by key \`${'e'.repeat(16)}\``,
    ]);
  });

  it('lists the attestations attached, once per kind and platform', () => {
    const attestation = { level: 'platform', subject: ARM_DIGEST, digest: DIGEST_A, source: 'buildkit' } as const;
    const lines = cosignHoverLines({
      ...base,
      verified: false,
      signed: false,
      attestations: [
        { ...attestation, kind: 'provenance', platform: 'linux/arm64' },
        { ...attestation, kind: 'sbom', platform: 'linux/arm64' },
        { ...attestation, kind: 'sbom', platform: 'linux/arm64' },
      ],
    });
    expect(lines).toEqual(['cosign: not signed', '', 'Attestations: provenance (`linux/arm64`), sbom (`linux/arm64`)']);
  });
});
