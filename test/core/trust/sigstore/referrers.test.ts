import { describe, expect, it } from 'vitest';
import { parseReferrersIndex, referrersTag } from '../../../../src/core/trust/sigstore/referrers';

const DIGEST = `sha256:${'c'.repeat(64)}`;
const bytes = (doc: unknown) => Buffer.from(JSON.stringify(doc));
const entry = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: DIGEST, size: 10 };

describe('parseReferrersIndex', () => {
  it('reads descriptors with their artifact type and string annotations', () => {
    const doc = { manifests: [{ ...entry, artifactType: 'application/spdx+json', annotations: { a: 'b', n: 1 } }] };
    expect(parseReferrersIndex(bytes(doc), 10)).toEqual([
      { ...entry, artifactType: 'application/spdx+json', annotations: { a: 'b' } },
    ]);
  });

  it.each([
    ['not JSON', Buffer.from('{')],
    ['without a manifests list', bytes({})],
    ['with an entry without a sha256 digest', bytes({ manifests: [{ ...entry, digest: 'md5:1' }] })],
    ['with an entry without a size', bytes({ manifests: [{ ...entry, size: -1 }] })],
    ['with more entries than the cap', bytes({ manifests: [entry, entry, entry] })],
  ])('fails with COSIGN_MALFORMED_SIGNATURE for an index %s', (_, input) => {
    expect(() => parseReferrersIndex(input, 2)).toThrow(
      expect.objectContaining({ code: 'COSIGN_MALFORMED_SIGNATURE' }),
    );
  });

  it('names the fallback tag sha256-<hex>', () => {
    expect(referrersTag(DIGEST)).toBe(`sha256-${'c'.repeat(64)}`);
  });
});
