import { describe, expect, it } from 'vitest';
import { computeFindings } from '../../../src/core/features/compute-findings';
import { DIGEST_A, DIGEST_B, dockerfileRefs, lookupOf, resolved } from './feature-fixtures';

const ALPINE = 'docker.io/library/alpine:3.19';

describe('computeFindings', () => {
  it('reports an unpinned reference before it is resolved, without a digest', () => {
    const findings = computeFindings(dockerfileRefs('FROM alpine:3.19\n'), lookupOf({}));
    expect(findings).toMatchObject([{ code: 'IMAGE_UNPINNED', severity: 'warning', range: { line: 1, column: 6 } }]);
    expect(findings[0]?.currentDigest).toBeUndefined();
  });

  it('names the current digest of an unpinned reference once resolved', () => {
    const findings = computeFindings(dockerfileRefs('FROM alpine:3.19\n'), lookupOf({ [ALPINE]: resolved(DIGEST_A) }));
    expect(findings).toMatchObject([{ code: 'IMAGE_UNPINNED', currentDigest: DIGEST_A }]);
    expect(findings[0]?.message).toContain('sha256:aaaaaaaaaaaa');
  });

  it('says nothing about a pin that is current', () => {
    const refs = dockerfileRefs(`FROM alpine:3.19@${DIGEST_A}\n`);
    expect(computeFindings(refs, lookupOf({ [ALPINE]: resolved(DIGEST_A) }))).toEqual([]);
  });

  it('reports a pin the tag has moved away from', () => {
    const refs = dockerfileRefs(`FROM alpine:3.19@${DIGEST_A}\n`);
    const findings = computeFindings(refs, lookupOf({ [ALPINE]: resolved(DIGEST_B) }));
    expect(findings).toMatchObject([{ code: 'PIN_OUTDATED', severity: 'information', currentDigest: DIGEST_B }]);
  });

  it('asks nothing about a reference pinned by digest only', () => {
    expect(computeFindings(dockerfileRefs(`FROM alpine@${DIGEST_A}\n`), lookupOf({}))).toEqual([]);
  });

  it('keeps the registry code of a failure and says it plainly, besides unpinned', () => {
    const failed = { kind: 'failed', code: 'AUTH_DENIED', message: 'denied', at: 0 } as const;
    const findings = computeFindings(dockerfileRefs('FROM alpine:3.19\n'), lookupOf({ [ALPINE]: failed }));
    expect(findings.map((finding) => finding.code)).toEqual(['AUTH_DENIED', 'IMAGE_UNPINNED']);
    expect(findings[0]).toMatchObject({ severity: 'warning' });
    expect(findings[0]?.message).toContain('refused access');
  });

  it('reports an invalid reference as an error', () => {
    expect(computeFindings(dockerfileRefs('FROM Alpine:3.19\n'), lookupOf({}))).toMatchObject([
      { code: 'REF_INVALID', severity: 'error' },
    ]);
  });

  it('reports a reference whose variable expands to nothing', () => {
    expect(computeFindings(dockerfileRefs('FROM ${BASE}\n'), lookupOf({}))).toMatchObject([
      { code: 'REF_UNRESOLVED_VARIABLE', severity: 'warning' },
    ]);
  });
});
