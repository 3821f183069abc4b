import { describe, expect, it } from 'vitest';
import {
  attestationPredicates,
  buildkitEntries,
  classifyAttestation,
} from '../../../../src/core/trust/sigstore/attestations';

describe('classifyAttestation', () => {
  it.each([
    ['https://slsa.dev/provenance/v0.2', undefined, 'provenance'],
    ['https://slsa.dev/provenance/v1', undefined, 'provenance'],
    ['https://spdx.dev/Document', undefined, 'sbom'],
    ['https://cyclonedx.org/bom', undefined, 'sbom'],
    ['https://openvex.dev/ns/v0.2.0', undefined, 'vex'],
    ['https://example.com/custom/v1', undefined, 'other'],
    [undefined, 'application/spdx+json', 'sbom'],
    [undefined, 'application/vnd.cyclonedx+json', 'sbom'],
    [undefined, 'application/vnd.in-toto+json', 'other'],
  ])('names %s / %s a %s attestation', (predicate, artifact, kind) => {
    expect(classifyAttestation(predicate, artifact)).toBe(kind);
  });

  it('leaves artifacts that are not attestations out', () => {
    expect(classifyAttestation(undefined, 'application/vnd.cncf.helm.config.v1+json')).toBeUndefined();
    expect(classifyAttestation(undefined, undefined)).toBeUndefined();
  });
});

describe('BuildKit attestation manifests', () => {
  const platform = `sha256:${'1'.repeat(64)}`;
  const attestation = `sha256:${'2'.repeat(64)}`;
  const index = {
    manifests: [
      { digest: platform, platform: { os: 'linux', architecture: 'amd64' } },
      {
        digest: attestation,
        platform: { os: 'unknown', architecture: 'unknown' },
        annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': platform },
      },
    ],
  };

  it('finds the index entries marked attestation-manifest and the manifest each is about', () => {
    expect(buildkitEntries(index)).toEqual([{ digest: attestation, subject: platform }]);
    expect(buildkitEntries({ manifests: 'nope' })).toEqual([]);
  });

  it('reads the predicate type of each in-toto layer', () => {
    const manifest = {
      layers: [
        { annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' } },
        { annotations: {} },
      ],
    };
    expect(attestationPredicates(manifest)).toEqual(['https://slsa.dev/provenance/v0.2']);
  });
});
