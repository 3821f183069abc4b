import { describe, expect, it } from 'vitest';
import { computeHover } from '../../../src/core/features/compute-hover';
import { ARM_DIGEST, DIGEST_A, DIGEST_B, dockerfileRefs, lookupOf, resolution, resolved } from './feature-fixtures';

const ALPINE = 'docker.io/library/alpine:3.19';
const refs = dockerfileRefs('FROM alpine:3.19 AS base\n');

describe('computeHover', () => {
  it('finds nothing away from a reference', () => {
    expect(computeHover(refs, { line: 1, column: 2 }, lookupOf({}))).toBeNull();
  });

  it('says it is resolving while the tag is being asked', () => {
    const hover = computeHover(refs, { line: 1, column: 8 }, lookupOf({ [ALPINE]: { kind: 'pending' } }));
    expect(hover).toMatchObject({ pending: true, range: { line: 1, column: 6, endColumn: 17 } });
    expect(hover?.markdown).toContain('Resolving');
  });

  it('shows the normalized reference, its digest and each platform digest', () => {
    const platforms = [
      { os: 'linux', architecture: 'arm64', variant: 'v8', digest: ARM_DIGEST, mediaType: 'm', size: 1 },
    ];
    const state = { kind: 'resolved', resolution: resolution(DIGEST_A, platforms), at: 0 } as const;
    const hover = computeHover(refs, { line: 1, column: 17 }, lookupOf({ [ALPINE]: state }));
    expect(hover?.pending).toBe(false);
    expect(hover?.markdown).toContain(`\`${ALPINE}\``);
    expect(hover?.markdown).toContain(`Digest: \`${DIGEST_A}\``);
    expect(hover?.markdown).toContain(`| linux/arm64/v8 | \`${ARM_DIGEST}\` |`);
    expect(hover?.markdown).toContain('IMAGE_UNPINNED');
    expect(hover?.markdown).toContain('https://hub.docker.com/_/alpine');
  });

  it('says a pin is current', () => {
    const pinned = dockerfileRefs(`FROM alpine:3.19@${DIGEST_A}\n`);
    const hover = computeHover(pinned, { line: 1, column: 8 }, lookupOf({ [ALPINE]: resolved(DIGEST_A) }));
    expect(hover?.markdown).toContain('The pin is current.');
  });

  it('says an outdated pin moved', () => {
    const pinned = dockerfileRefs(`FROM alpine:3.19@${DIGEST_A}\n`);
    const hover = computeHover(pinned, { line: 1, column: 8 }, lookupOf({ [ALPINE]: resolved(DIGEST_B) }));
    expect(hover?.markdown).toContain('PIN_OUTDATED');
  });

  it('says plainly why a tag did not resolve, with the code', () => {
    const failed = { kind: 'failed', code: 'REGISTRY_NOT_FOUND', message: 'manifest unknown', at: 0 } as const;
    const hover = computeHover(refs, { line: 1, column: 8 }, lookupOf({ [ALPINE]: failed }));
    expect(hover?.markdown).toContain('the registry has no such image or tag (`REGISTRY_NOT_FOUND`)');
  });

  it('keeps text from the file inside a code span it cannot close', () => {
    const bad = dockerfileRefs('FROM a`[x](http://evil)\n');
    const hover = computeHover(bad, { line: 1, column: 8 }, lookupOf({}));
    expect(hover?.markdown).toContain("`a'[x](http://evil)`");
    expect(hover?.markdown).not.toContain('[x](http://evil)`:');
  });
});
