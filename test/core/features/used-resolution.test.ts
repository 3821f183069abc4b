import { describe, expect, it } from 'vitest';
import { digestKey } from '../../../src/core/features/resolution-key';
import { pinToResolve, usedResolution } from '../../../src/core/features/used-resolution';
import { ARM_DIGEST, DIGEST_A, DIGEST_B, dockerfileRefs, lookupOf, resolution } from './feature-fixtures';

const ALPINE = 'docker.io/library/alpine:3.19';
const arm = {
  os: 'linux',
  architecture: 'arm64',
  digest: ARM_DIGEST,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  size: 7,
};
const index = { kind: 'resolved', resolution: resolution(DIGEST_A, [arm]), at: 0 } as const;
const one = (text: string) => {
  const [ref] = dockerfileRefs(text);
  if (!ref) throw new Error('no reference scanned');
  return ref;
};

describe('the digest a build uses, whose signatures are checked', () => {
  it("is the tag's digest for an unpinned reference or a current pin", () => {
    const lookup = lookupOf({ [ALPINE]: index });
    expect(usedResolution(one('FROM alpine:3.19\n'), lookup)?.digest).toBe(DIGEST_A);
    expect(usedResolution(one(`FROM alpine:3.19@${DIGEST_A}\n`), lookup)?.digest).toBe(DIGEST_A);
  });

  it("is the platform's manifest for a single-platform pin, from the index alone", () => {
    const ref = one(`FROM alpine:3.19@${ARM_DIGEST}\n`);
    const lookup = lookupOf({ [ALPINE]: index });
    expect(pinToResolve(ref, lookup)).toBeNull();
    expect(usedResolution(ref, lookup)).toMatchObject({
      digest: ARM_DIGEST,
      mediaType: arm.mediaType,
      size: 7,
      platforms: [],
    });
  });

  it('is the written digest, resolved on its own, when the tag moved away from it', () => {
    const ref = one(`FROM alpine:3.19@${DIGEST_B}\n`);
    const pin = { domain: 'docker.io', path: 'library/alpine', digest: DIGEST_B };
    expect(pinToResolve(ref, lookupOf({ [ALPINE]: index }))).toEqual(pin);
    expect(usedResolution(ref, lookupOf({ [ALPINE]: index }))).toBeUndefined();
    const pinned = { kind: 'resolved', resolution: resolution(DIGEST_B), at: 0 } as const;
    expect(usedResolution(ref, lookupOf({ [ALPINE]: index, [digestKey(pin)]: pinned }))?.digest).toBe(DIGEST_B);
  });

  it('waits for the tag before asking for a pin it may cover, and asks at once for a digest-only reference', () => {
    expect(pinToResolve(one(`FROM alpine:3.19@${DIGEST_B}\n`), lookupOf({ [ALPINE]: { kind: 'pending' } }))).toBeNull();
    expect(pinToResolve(one(`FROM alpine@${DIGEST_B}\n`), lookupOf({}))).toEqual({
      domain: 'docker.io',
      path: 'library/alpine',
      digest: DIGEST_B,
    });
  });
});
