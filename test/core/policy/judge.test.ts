import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, judge, type JudgeInput, type TrustEvidence } from '../../../src/core/policy';
import type { ImageRef } from '../../../src/core/scan/image-ref';
import {
  COSIGN_UNSIGNED,
  COSIGN_VERIFIED,
  DCT_SIGNED,
  DCT_UNSIGNED,
  DIGEST_A,
  DIGEST_B,
  NOW,
  cosign,
  dct,
  dockerfile,
  policy,
  resolvedTo,
} from './judge-fixtures';

function run(text: string, fields: Partial<JudgeInput> & { digest?: string; trust?: TrustEvidence } = {}) {
  const { refs, ignores } = dockerfile(text);
  const { digest, trust, ...rest } = fields;
  return judge({
    refs,
    resolutionOf: (ref: ImageRef) => (digest ? resolvedTo(ref, digest) : undefined),
    ...(trust ? { trustOf: () => trust } : {}),
    policy: DEFAULT_POLICY,
    ignoreComments: () => ignores,
    referenceTime: NOW,
    ...rest,
  });
}

const codes = (findings: ReturnType<typeof run>) => findings.map((f) => [f.code, f.severity]);

describe('judge › with the default policy', () => {
  it('reports an unpinned reference with a pin edit to the digest it resolved to', () => {
    const [finding] = run('FROM alpine:3.19\n', { digest: DIGEST_A });
    expect(finding).toMatchObject({ code: 'IMAGE_UNPINNED', severity: 'warning', currentDigest: DIGEST_A });
    expect(finding?.fix).toEqual({
      file: '/w/Dockerfile',
      digest: DIGEST_A,
      edit: { range: finding?.ref.range, expected: 'alpine:3.19', newText: `alpine:3.19@${DIGEST_A}` },
    });
  });

  it('reports a moved pin as information with an edit that replaces the digest', () => {
    const [finding] = run(`FROM alpine:3.19@${DIGEST_A}\n`, { digest: DIGEST_B });
    expect(finding).toMatchObject({ code: 'PIN_OUTDATED', severity: 'information' });
    expect(finding?.fix?.edit.newText).toBe(`alpine:3.19@${DIGEST_B}`);
  });

  it("finds nothing for a pin to one platform manifest the tag's index still lists (pin --update keeps it)", () => {
    const index = (ref: ImageRef) => {
      const state = resolvedTo(ref, DIGEST_B);
      if (state.kind !== 'resolved') return state;
      const platform = {
        os: 'linux',
        architecture: 'arm64',
        digest: DIGEST_A,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        size: 1,
      };
      return { ...state, resolution: { ...state.resolution, platforms: [platform] } };
    };
    expect(run(`FROM alpine:3.19@${DIGEST_A}\n`, { resolutionOf: index })).toEqual([]);
    expect(codes(run(`FROM alpine:3.19@${DIGEST_A}\n`, { digest: DIGEST_B }))).toEqual([
      ['PIN_OUTDATED', 'information'],
    ]);
  });

  it('finds nothing for a current pin, and never suggests another tag', () => {
    expect(run(`FROM alpine:3.19@${DIGEST_A}\n`, { digest: DIGEST_A })).toEqual([]);
  });

  it('keeps the registry failure code beside the unpinned fact', () => {
    const failed = { kind: 'failed', code: 'REGISTRY_NOT_FOUND', message: 'manifest unknown' } as const;
    expect(codes(run('FROM alpine:3.19\n', { resolutionOf: () => failed }))).toEqual([
      ['REGISTRY_NOT_FOUND', 'error'],
      ['IMAGE_UNPINNED', 'warning'],
    ]);
  });

  it('reports an invalid reference and nothing else about it', () => {
    expect(codes(run('FROM Alpine\n', { trust: { dct: DCT_UNSIGNED } }))).toEqual([['REF_INVALID', 'error']]);
  });

  it('reports signature failures but does not require signatures', () => {
    const mismatch = dct({ failures: [{ code: 'DCT_DIGEST_MISMATCH', message: 'other digest' }] });
    expect(
      codes(run(`FROM a.example/app@${DIGEST_A}\n`, { trust: { dct: mismatch, cosign: COSIGN_UNSIGNED } })),
    ).toEqual([
      ['DCT_DIGEST_MISMATCH', 'error'],
      ['COSIGN_NOT_SIGNED', 'warning'],
    ]);
  });

  it('says a cosign payload naming another repository as information', () => {
    const mirrored = cosign({
      ...COSIGN_VERIFIED,
      warnings: [{ code: 'COSIGN_REFERENCE_MISMATCH', digest: DIGEST_A, message: 'names demo/mirror' }],
    });
    expect(codes(run(`FROM a.example/app@${DIGEST_A}\n`, { trust: { cosign: mirrored } }))).toEqual([
      ['COSIGN_REFERENCE_MISMATCH', 'information'],
    ]);
    const strict = policy('signatures: { matchReference: true }\n');
    expect(codes(run(`FROM a.example/app@${DIGEST_A}\n`, { trust: { cosign: mirrored }, policy: strict }))).toEqual([
      ['COSIGN_REFERENCE_MISMATCH', 'error'],
    ]);
  });

  it('makes no trust findings while the digest is not verified', () => {
    const strict = policy('signatures: { require: any }\n');
    expect(run(`FROM a.example/app@${DIGEST_A}\n`, { policy: strict })).toEqual([]);
  });
});

describe('judge › when the policy requires signatures', () => {
  const pinned = `FROM a.example/app@${DIGEST_A}\n`;

  it('is satisfied by either kind under any, and then says nothing of the absent one', () => {
    const any = policy('signatures: { require: any }\n');
    expect(run(pinned, { policy: any, trust: { dct: DCT_UNSIGNED, cosign: COSIGN_VERIFIED } })).toEqual([]);
    expect(run(pinned, { policy: any, trust: { dct: DCT_SIGNED, cosign: COSIGN_UNSIGNED } })).toEqual([]);
  });

  it('fails with SIGNATURE_REQUIRED naming what each kind found', () => {
    const any = policy('signatures: { require: any }\n');
    const [finding, ...rest] = run(pinned, { policy: any, trust: { dct: DCT_UNSIGNED, cosign: COSIGN_UNSIGNED } });
    expect(finding).toMatchObject({ code: 'SIGNATURE_REQUIRED', severity: 'error' });
    expect(finding?.message).toContain('dct: DCT_NOT_SIGNED; cosign: COSIGN_NOT_SIGNED');
    expect(rest).toEqual([]);
  });

  it('says when the required kind could not be checked at all', () => {
    const cosignOnly = policy('signatures: { require: cosign }\n');
    const [finding] = run(pinned, { policy: cosignOnly, trust: { dct: DCT_SIGNED } });
    expect(finding?.code).toBe('SIGNATURE_REQUIRED');
    expect(finding?.message).toContain('names no keys or identities');
  });

  it('makes failures of the required kind errors even where they would be warnings', () => {
    const dctOnly = policy('signatures: { require: dct }\n');
    const down = dct({ failures: [{ code: 'TUF_UNAVAILABLE', message: 'down' }], codes: ['TUF_UNAVAILABLE'] });
    expect(codes(run(pinned, { policy: dctOnly, trust: { dct: down } }))).toEqual([
      ['SIGNATURE_REQUIRED', 'error'],
      ['TUF_UNAVAILABLE', 'error'],
    ]);
  });

  it('applies the rule whose repository glob matches, the later rule winning', () => {
    const rules = policy(`rules:
  - match: { registry: "*.example" }
    signatures: { require: cosign }
  - match: { repository: "a.example/lab/**" }
    signatures: { require: none }
`);
    const text = `FROM a.example/app@${DIGEST_A}\nFROM a.example/lab/x/y@${DIGEST_A}\n`;
    expect(run(text, { policy: rules, trust: { cosign: COSIGN_UNSIGNED } }).map((f) => [f.ref.text, f.code])).toEqual([
      [`a.example/app@${DIGEST_A}`, 'SIGNATURE_REQUIRED'],
      [`a.example/lab/x/y@${DIGEST_A}`, 'COSIGN_NOT_SIGNED'],
    ]);
  });
});

describe('judge › policy settings', () => {
  it('warns of expiry only within the rule window', () => {
    const warning = {
      code: 'TUF_EXPIRES_SOON',
      role: 'targets',
      date: '2026-12-20',
      daysLeft: 18,
      message: 'm',
    } as const;
    const trust = { dct: { ...DCT_SIGNED, warnings: [warning] } };
    const text = `FROM a.example/app@${DIGEST_A}\n`;
    expect(codes(run(text, { trust, policy: policy('expiryWarningDays: 30\n') }))).toEqual([
      ['TUF_EXPIRES_SOON', 'warning'],
    ]);
    expect(run(text, { trust, policy: policy('expiryWarningDays: 7\n') })).toEqual([]);
  });

  it('does not ask for pins when the rule says so', () => {
    expect(run('FROM alpine:3.19\n', { digest: DIGEST_A, policy: policy('requirePin: false\n') })).toEqual([]);
  });

  it('changes severities per rule and drops findings set off', () => {
    const settings = policy(`severity: { IMAGE_UNPINNED: error }
rules:
  - match: { repository: docker.io/library/busybox }
    severity: { IMAGE_UNPINNED: "off" }
`);
    expect(codes(run('FROM alpine:3.19\nFROM busybox:1\n', { digest: DIGEST_A, policy: settings }))).toEqual([
      ['IMAGE_UNPINNED', 'error'],
    ]);
  });

  it('reports a registry that is not allowed', () => {
    const allowed = policy('allowedRegistries: [docker.io, "*.corp.example"]\n');
    const text = `FROM registry.corp.example/app@${DIGEST_A}\nFROM quay.io/app@${DIGEST_A}\n`;
    expect(run(text, { policy: allowed }).map((f) => [f.ref.text, f.code])).toEqual([
      [`quay.io/app@${DIGEST_A}`, 'REGISTRY_NOT_ALLOWED'],
    ]);
  });
});

describe('judge › noise control', () => {
  it('suppresses a finding with an ignore comment that gives a reason, and keeps it marked', () => {
    const text = '# image-trust: ignore IMAGE_UNPINNED -- rebuilt nightly from upstream\nFROM alpine:3.19\n';
    expect(run(text, { digest: DIGEST_A })).toMatchObject([
      { code: 'IMAGE_UNPINNED', suppressed: { kind: 'ignore-comment', reason: 'rebuilt nightly from upstream' } },
    ]);
  });

  it('reports an ignore comment without a reason and does not apply it', () => {
    const found = run('# image-trust: ignore IMAGE_UNPINNED\nFROM alpine:3.19\n', { digest: DIGEST_A });
    expect(found.map((f) => [f.code, f.suppressed?.kind, f.range.line])).toEqual([
      ['IMAGE_UNPINNED', undefined, 2],
      ['IGNORE_WITHOUT_REASON', undefined, 1],
    ]);
  });

  const exception = (until: string) =>
    policy(`exceptions:
  - image: docker.io/library/*
    codes: [IMAGE_UNPINNED]
    reason: vendored base
    until: ${until}
`);

  it('suppresses through an exception up to and including its last day', () => {
    const lastDay = Date.parse('2026-12-02T23:59:00Z');
    expect(run('FROM alpine:3.19\n', { policy: exception('2026-12-02'), referenceTime: lastDay })).toMatchObject([
      { code: 'IMAGE_UNPINNED', suppressed: { kind: 'exception', reason: 'vendored base' } },
    ]);
  });

  it('stops applying an expired exception and says so', () => {
    const found = run('FROM alpine:3.19\n', { policy: exception('2026-12-01') });
    expect(found.map((f) => [f.code, f.suppressed])).toEqual([
      ['IMAGE_UNPINNED', undefined],
      ['EXCEPTION_EXPIRED', undefined],
    ]);
    expect(found[1]?.message).toContain('ended on 2026-12-01');
  });

  it('judges only the aspects asked for', () => {
    const trust = { dct: DCT_UNSIGNED };
    const text = 'FROM a.example/app:v1\n';
    expect(codes(run(text, { trust, aspects: { reference: false } }))).toEqual([['DCT_NOT_SIGNED', 'warning']]);
    expect(codes(run(text, { trust, aspects: { trust: false } }))).toEqual([['IMAGE_UNPINNED', 'warning']]);
  });
});

describe('judge › cosign signatures by signers the policy does not name', () => {
  const untrusted = cosign({
    signed: true,
    failures: [{ code: 'COSIGN_UNTRUSTED_KEY', digest: DIGEST_A, message: 'another key' }],
    codes: ['COSIGN_UNTRUSTED_KEY'],
  });
  const text = `FROM a.example/app@${DIGEST_A}\n`;

  it('are a warning when another kind satisfies the rule, and an error when cosign is required', () => {
    expect(
      codes(
        run(text, { policy: policy('signatures: { require: any }\n'), trust: { dct: DCT_SIGNED, cosign: untrusted } }),
      ),
    ).toEqual([['COSIGN_UNTRUSTED_KEY', 'warning']]);
    expect(
      codes(run(text, { policy: policy('signatures: { require: cosign }\n'), trust: { cosign: untrusted } })),
    ).toEqual([
      ['SIGNATURE_REQUIRED', 'error'],
      ['COSIGN_UNTRUSTED_KEY', 'error'],
    ]);
  });
});

describe('judge › an image without a trusted signature that carries attestations', () => {
  it('says so as information, beside the missing signature', () => {
    const attested = cosign({
      ...COSIGN_UNSIGNED,
      attestations: [
        { kind: 'provenance', level: 'platform', subject: DIGEST_B, digest: DIGEST_A, source: 'buildkit' },
        { kind: 'sbom', level: 'platform', subject: DIGEST_B, digest: DIGEST_A, source: 'buildkit' },
      ],
    });
    const found = run(`FROM a.example/app@${DIGEST_A}\n`, { trust: { cosign: attested } });
    expect(codes(found)).toEqual([
      ['COSIGN_NOT_SIGNED', 'warning'],
      ['IMAGE_ATTESTED_UNSIGNED', 'information'],
    ]);
    expect(found[1]?.message).toContain('2 attestations are attached (provenance, sbom)');
    expect(
      run(`FROM a.example/app@${DIGEST_A}\n`, {
        trust: { cosign: { ...COSIGN_VERIFIED, attestations: attested.attestations } },
      }),
    ).toEqual([]);
  });
});
