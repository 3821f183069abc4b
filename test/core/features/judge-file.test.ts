import { describe, expect, it } from 'vitest';
import { computeFileSummary } from '../../../src/core/features/compute-file-summary';
import { judgeFile } from '../../../src/core/features/judge-file';
import type { TrustLookups } from '../../../src/core/features/reference-trust';
import { DEFAULT_POLICY, parseIgnoreComments, parsePolicyText } from '../../../src/core/policy';
import {
  ARM_DIGEST,
  DIGEST_A,
  DIGEST_B,
  dockerfileRefs,
  lookupOf,
  resolution,
  resolved,
  unsignedEvidence,
} from './feature-fixtures';

const ALPINE = 'docker.io/library/alpine:3.19';
const UNSIGNED = unsignedEvidence(DIGEST_A);

function lookups(cosign: TrustLookups['cosign']): TrustLookups {
  return { resolution: lookupOf({ [ALPINE]: resolved(DIGEST_A) }), dct: () => undefined, cosign };
}

const unsigned = lookups(() => ({ kind: 'verified', result: UNSIGNED }));
const codes = (findings: { code: string; severity: string }[]) => findings.map((f) => [f.code, f.severity]);

describe('judgeFile', () => {
  it("reports an unpinned, unsigned image with both codes, under the editor's defaults", () => {
    const findings = judgeFile(dockerfileRefs('FROM alpine:3.19\n'), unsigned);
    expect(codes(findings)).toEqual([
      ['IMAGE_UNPINNED', 'warning'],
      ['COSIGN_NOT_SIGNED', 'warning'],
    ]);
  });

  it('says nothing about signatures while cosign is still being verified', () => {
    const findings = judgeFile(
      dockerfileRefs('FROM alpine:3.19\n'),
      lookups(() => ({ kind: 'pending' })),
    );
    expect(codes(findings)).toEqual([['IMAGE_UNPINNED', 'warning']]);
  });

  it('reports SIGNATURE_REQUIRED as an error when the policy requires cosign', () => {
    const policy = parsePolicyText('version: 1\nsignatures:\n  require: cosign\n', '/w/.image-trust.yaml');
    const findings = judgeFile(dockerfileRefs(`FROM alpine:3.19@${DIGEST_A}\n`), unsigned, {
      policy,
      ignoreComments: [],
    });
    expect(codes(findings)).toEqual([['SIGNATURE_REQUIRED', 'error']]);
  });

  it('reports no unpinned reference under a policy that does not require pins', () => {
    const policy = parsePolicyText('version: 1\nrequirePin: false\n', '/w/.image-trust.yaml');
    const findings = judgeFile(dockerfileRefs('FROM alpine:3.19\n'), unsigned, { policy, ignoreComments: [] });
    expect(codes(findings)).toEqual([['COSIGN_NOT_SIGNED', 'warning']]);
  });

  it('leaves out what an ignore comment with a reason suppresses', () => {
    const text = '# image-trust: ignore COSIGN_NOT_SIGNED -- vendor image, signed upstream only\nFROM alpine:3.19\n';
    const context = { policy: DEFAULT_POLICY, ignoreComments: parseIgnoreComments(text) };
    expect(codes(judgeFile(dockerfileRefs(text), unsigned, context))).toEqual([['IMAGE_UNPINNED', 'warning']]);
  });
});

describe('computeFileSummary', () => {
  it('counts references, and those unpinned, unsigned and failing', () => {
    const refs = dockerfileRefs('FROM alpine:3.19\nFROM Bad\nFROM alpine:3.19\n');
    const summary = computeFileSummary(refs, judgeFile(refs, unsigned));
    expect(summary).toMatchObject({ refs: 3, unpinned: 2, unsigned: 2, failing: 1 });
    expect(summary.text).toBe('3 refs · 2 unpinned · 2 unsigned · 1 failing');
  });

  it('says only the count when all is well', () => {
    const refs = dockerfileRefs(`FROM alpine:3.19@${DIGEST_A}\n`);
    expect(
      computeFileSummary(
        refs,
        judgeFile(
          refs,
          lookups(() => undefined),
        ),
      ).text,
    ).toBe('1 ref');
  });
});

describe('judgeFile › a pin to one platform of a multi-platform tag', () => {
  const platforms = [{ os: 'linux', architecture: 'arm64', digest: ARM_DIGEST, mediaType: 'm', size: 1 }];
  const index = { kind: 'resolved', resolution: resolution(DIGEST_A, platforms), at: 0 } as const;
  const judged = (text: string) =>
    codes(
      judgeFile(dockerfileRefs(text), {
        resolution: lookupOf({ [ALPINE]: index }),
        dct: () => undefined,
        cosign: () => undefined,
      }),
    );

  it('is current while the index lists it, as image-trust pin --update keeps it', () => {
    expect(judged(`FROM alpine:3.19@${ARM_DIGEST}\n`)).toEqual([]);
  });

  it('has moved once the index no longer lists it', () => {
    expect(judged(`FROM alpine:3.19@${DIGEST_B}\n`)).toEqual([['PIN_OUTDATED', 'information']]);
  });
});
