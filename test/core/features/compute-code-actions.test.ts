import { describe, expect, it } from 'vitest';
import { computeCodeActions } from '../../../src/core/features/compute-code-actions';
import { computeFindings } from '../../../src/core/features/compute-findings';
import { DIGEST_A, DIGEST_B, dockerfileRefs, lookupOf, resolution, resolved, targetsFor } from './feature-fixtures';

const ALPINE = 'docker.io/library/alpine:3.19';
const BUSYBOX = 'docker.io/library/busybox:1';
const line = (n: number) => ({ line: n, column: 1, endLine: n, endColumn: 1 });

describe('computeCodeActions', () => {
  const text = 'FROM alpine:3.19\nFROM busybox:1\n';
  const lookup = lookupOf({ [ALPINE]: resolved(DIGEST_A), [BUSYBOX]: resolved(DIGEST_B) });

  async function actionsFor(source: string, at: ReturnType<typeof line>, known: typeof lookup) {
    const refs = dockerfileRefs(source);
    return computeCodeActions(refs, at, await targetsFor(refs, known), computeFindings(refs, known));
  }

  it('offers to pin the reference at hand, and all in the file', async () => {
    const actions = await actionsFor(text, line(1), lookup);
    expect(actions.map((action) => action.title)).toEqual([
      'Pin alpine:3.19 to sha256:aaaaaaaaaaaa',
      'Pin all 2 unpinned image references in this file',
    ]);
    expect(actions[0]).toMatchObject({ isPreferred: true, fixes: ['IMAGE_UNPINNED'] });
    expect(actions[0]?.edits).toEqual([
      {
        file: '/w/Dockerfile',
        range: { line: 1, column: 6, endLine: 1, endColumn: 17 },
        expected: 'alpine:3.19',
        newText: `alpine:3.19@${DIGEST_A}`,
      },
    ]);
    expect(actions[1]?.edits).toHaveLength(2);
  });

  it('offers nothing before the digest is known', async () => {
    expect(await actionsFor(text, line(1), lookupOf({}))).toEqual([]);
  });

  it('offers to update an outdated pin', async () => {
    const [action] = await actionsFor(`FROM alpine:3.19@${DIGEST_B}\n`, line(1), lookup);
    expect(action).toMatchObject({ title: 'Update the pin of alpine:3.19@' + DIGEST_B + ' to sha256:aaaaaaaaaaaa' });
    expect(action?.edits[0]?.newText).toBe(`alpine:3.19@${DIGEST_A}`);
  });

  it('offers no update that would swap a single-platform pin for the index', async () => {
    const platforms = [{ os: 'linux', architecture: 'arm64', digest: DIGEST_B, mediaType: 'm', size: 1 }];
    const known = lookupOf({ [ALPINE]: { kind: 'resolved', resolution: resolution(DIGEST_A, platforms), at: 0 } });
    expect(await actionsFor(`FROM alpine:3.19@${DIGEST_B}\n`, line(1), known)).toEqual([]);
  });
});
