import { describe, expect, it } from 'vitest';
import { planPinEdits } from '../../../src/core/features/pin-edits';
import { DIGEST_A, dockerfileRefs, lookupOf, resolved } from './feature-fixtures';

const ALPINE = 'docker.io/library/alpine:3.19';

describe('planPinEdits', () => {
  it('writes the digest into the ARG default that holds the whole reference', () => {
    const refs = dockerfileRefs('ARG BASE=alpine:3.19\nFROM ${BASE}\n');
    const { edits } = planPinEdits(refs, refs, lookupOf({ [ALPINE]: resolved(DIGEST_A) }), false);
    expect(edits).toEqual([
      expect.objectContaining({
        file: '/w/Dockerfile',
        range: expect.objectContaining({ line: 1 }),
        newText: `alpine:3.19@${DIGEST_A}`,
      }),
    ]);
  });

  it('refuses a shared ARG with the reason, and lists what is not resolved', () => {
    const refs = dockerfileRefs('ARG BASE=alpine:3.19\nFROM ${BASE}\nFROM ${BASE}\nFROM busybox:1\n');
    const result = planPinEdits(refs, refs, lookupOf({ [ALPINE]: resolved(DIGEST_A) }), false);
    expect(result.edits).toEqual([]);
    expect(result.refused[0]).toMatchObject({ code: 'PIN_FROM_VARIABLES' });
    expect(result.unresolved.map((ref) => ref.text)).toEqual(['busybox:1']);
  });
});
