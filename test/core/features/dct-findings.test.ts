import { describe, expect, it } from 'vitest';
import { EDITOR_POLICY } from '../../../src/core/features/compute-findings';
import { dctHoverLines } from '../../../src/core/features/dct-hover';
import { judge } from '../../../src/core/policy';
import type { ImageRef } from '../../../src/core/scan/image-ref';
import { DOCKER_HUB_RETIREMENT, type DctResult } from '../../../src/core/trust/notary';
import { DIGEST_A, dockerfileRefs } from './feature-fixtures';

const [ref] = dockerfileRefs('FROM registry.example/demo/app:v1\n');
if (!ref) throw new Error('no reference scanned');

function result(fields: Partial<DctResult>): DctResult {
  const base = { gun: 'registry.example/demo/app', signed: false, signers: [], expires: {}, certificates: [] };
  return { ...base, warnings: [], failures: [], codes: [], ...fields };
}

const SIGNED = result({
  signed: true,
  signers: ['targets/releases'],
  target: { name: 'v1', role: 'targets/releases', digest: DIGEST_A, size: 10 },
  expires: { timestamp: '2026-12-16', root: '2036-11-30', 'targets/releases': '2029-11-30', targets: '2029-11-30' },
  certificates: [{ role: 'root', keyId: 'abcdef0123456789', notAfter: '2036-11-30' }],
  server: 'https://notary.example',
});

/** judge()'s findings of one reference's DCT verification under the editor's policy (its own findings left out). */
function dctFindings(one: ImageRef, dct: DctResult) {
  const input = { refs: [one], resolutionOf: () => undefined, trustOf: () => ({ dct }) };
  return judge({ ...input, policy: EDITOR_POLICY, referenceTime: Date.now(), aspects: { reference: false } });
}

describe('dctFindings', () => {
  it('finds nothing for a signed tag with no dates near', () => {
    expect(dctFindings(ref, SIGNED)).toEqual([]);
  });

  it('warns about an unsigned tag or a repository with no trust data', () => {
    const failures = [
      { code: 'DCT_NOT_SIGNED', message: 'The trust data does not sign tag v1.' },
      { code: 'DCT_NO_TRUST_DATA', message: 'No trust data.' },
    ];
    const findings = dctFindings(ref, result({ failures }));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['DCT_NOT_SIGNED', 'warning'],
      ['DCT_NO_TRUST_DATA', 'warning'],
    ]);
    expect(findings[0]).toMatchObject({ range: ref.range, ref });
  });

  it('reports forged, replayed, expired or contradicting trust data as errors', () => {
    const codes = [
      'TUF_EXPIRED',
      'TUF_BAD_SIGNATURE',
      'TUF_THRESHOLD',
      'TUF_ROLLBACK',
      'TUF_HASH_MISMATCH',
      'DCT_DIGEST_MISMATCH',
    ];
    const findings = dctFindings(ref, result({ failures: codes.map((code) => ({ code, message: code })) }));
    expect(findings.map((f) => [f.code, f.severity])).toEqual(codes.map((code) => [code, 'error']));
  });

  it('says a server that did not answer is a warning, not a verdict', () => {
    const findings = dctFindings(ref, result({ failures: [{ code: 'TUF_UNAVAILABLE', message: 'down' }] }));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['TUF_UNAVAILABLE', 'warning']]);
  });

  it('warns before expiry with the date in the message', () => {
    const message = 'The targets trust data expires on 2026-12-20 (in 18 days): re-sign it before then.';
    const warning = { code: 'TUF_EXPIRES_SOON', role: 'targets', date: '2026-12-20', daysLeft: 18, message } as const;
    const findings = dctFindings(ref, { ...SIGNED, warnings: [warning], codes: ['TUF_EXPIRES_SOON'] });
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['TUF_EXPIRES_SOON', 'warning']]);
    expect(findings[0]?.message).toContain('2026-12-20');
  });

  it('gives Docker Hub one calm information about the retirement', () => {
    const retired = result({ codes: ['DCT_RETIRED'], retirement: DOCKER_HUB_RETIREMENT });
    expect(dctFindings(ref, retired).map((f) => [f.code, f.severity])).toEqual([['DCT_RETIRED', 'information']]);
  });
});

describe('dctHoverLines', () => {
  it('shows the signer roles, every role expiry in role order and the certificate notAfter', () => {
    const text = dctHoverLines(SIGNED).join('\n');
    expect(text).toContain('signed by `targets/releases`');
    expect(text).toMatch(/`root` \| `2036-11-30`[\s\S]*`targets` \|[\s\S]*`targets\/releases`[\s\S]*`timestamp`/);
    expect(text).toContain('Certificate `root` `abcdef012345` valid until `2036-11-30`');
  });

  it('says a tag is not signed, or that the registry retired DCT', () => {
    expect(dctHoverLines(result({}))[0]).toBe('Docker Content Trust: not signed');
    const retired = result({ retirement: DOCKER_HUB_RETIREMENT });
    expect(dctHoverLines(retired)[0]).toContain('retired');
  });
});
