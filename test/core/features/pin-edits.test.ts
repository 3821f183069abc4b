import { describe, expect, it } from 'vitest';
import { planPinEdits } from '../../../src/core/features/pin-edits';
import {
  ARM_DIGEST,
  DIGEST_A,
  DIGEST_B,
  dockerfileRefs,
  lookupOf,
  resolution,
  resolved,
  targetsFor,
} from './feature-fixtures';

const ALPINE = 'docker.io/library/alpine:3.19';
const AMD_DIGEST = `sha256:${'e'.repeat(64)}`;

/** alpine:3.19 as an index of linux/amd64 and linux/arm64/v8. */
const index = lookupOf({
  [ALPINE]: {
    kind: 'resolved',
    at: 0,
    resolution: resolution(DIGEST_A, [
      { os: 'linux', architecture: 'amd64', digest: AMD_DIGEST, mediaType: 'm', size: 1 },
      { os: 'linux', architecture: 'arm64', variant: 'v8', digest: ARM_DIGEST, mediaType: 'm', size: 1 },
    ]),
  },
});

async function plan(text: string, lookup: ReturnType<typeof lookupOf>, update: boolean) {
  const refs = dockerfileRefs(text);
  return planPinEdits(refs, refs, await targetsFor(refs, lookup), update);
}

describe('planPinEdits', () => {
  it('writes the digest into the ARG default that holds the whole reference', async () => {
    const { edits } = await plan(
      'ARG BASE=alpine:3.19\nFROM ${BASE}\n',
      lookupOf({ [ALPINE]: resolved(DIGEST_A) }),
      false,
    );
    expect(edits).toEqual([
      expect.objectContaining({
        file: '/w/Dockerfile',
        range: expect.objectContaining({ line: 1 }),
        newText: `alpine:3.19@${DIGEST_A}`,
      }),
    ]);
  });

  it('refuses a shared ARG with the reason, and lists what is not resolved', async () => {
    const text = 'ARG BASE=alpine:3.19\nFROM ${BASE}\nFROM ${BASE}\nFROM busybox:1\n';
    const result = await plan(text, lookupOf({ [ALPINE]: resolved(DIGEST_A) }), false);
    expect(result.edits).toEqual([]);
    expect(result.refused[0]).toMatchObject({ code: 'PIN_FROM_VARIABLES' });
    expect(result.unresolved.map((ref) => ref.text)).toEqual(['busybox:1']);
  });

  it('pins an unpinned multi-platform tag to its index digest', async () => {
    const { edits } = await plan('FROM alpine:3.19\n', index, false);
    expect(edits.map((edit) => edit.newText)).toEqual([`alpine:3.19@${DIGEST_A}`]);
  });

  describe('when updating a single-platform pin, as image-trust pin --update does', () => {
    it('keeps a pin to a platform manifest the index still lists', async () => {
      const result = await plan(`FROM alpine:3.19@${ARM_DIGEST}\n`, index, true);
      expect(result.edits).toEqual([]);
      expect(result.failures).toEqual([]);
    });

    it('still replaces a pin of the index that moved', async () => {
      const { edits } = await plan(`FROM alpine:3.19@${DIGEST_B}\n`, lookupOf({ [ALPINE]: resolved(DIGEST_A) }), true);
      expect(edits.map((edit) => edit.newText)).toEqual([`alpine:3.19@${DIGEST_A}`]);
    });

    it("reports the registry's failure when the pinned manifest's platform must be read and cannot be", async () => {
      const result = await plan(`FROM alpine:3.19@${DIGEST_B}\n`, index, true);
      expect(result.edits).toEqual([]);
      expect(result.failures.map((failure) => failure.error.code)).toEqual(['TEST_NO_NETWORK']);
    });
  });
});
