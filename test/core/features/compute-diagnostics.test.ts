import { describe, expect, it } from 'vitest';
import { computeDiagnostics } from '../../../src/core/features/compute-diagnostics';
import { computeFindings } from '../../../src/core/features/compute-findings';
import { dockerfileRefs, lookupOf } from './feature-fixtures';

describe('computeDiagnostics', () => {
  it('turns findings into plain diagnostics with their code and source', () => {
    const diagnostics = computeDiagnostics(computeFindings(dockerfileRefs('FROM alpine:3.19\n'), lookupOf({})));
    expect(diagnostics).toEqual([
      {
        range: { line: 1, column: 6, endLine: 1, endColumn: 17 },
        severity: 'warning',
        code: 'IMAGE_UNPINNED',
        message: 'docker.io/library/alpine:3.19 is not pinned to a digest',
        source: 'Image Trust',
      },
    ]);
  });

  it('keeps the severity of each finding', () => {
    const refs = dockerfileRefs('FROM Bad\n');
    expect(computeDiagnostics(computeFindings(refs, lookupOf({})))).toMatchObject([
      { code: 'REF_INVALID', severity: 'error' },
    ]);
  });
});
