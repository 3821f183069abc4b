import { describe, expect, it } from 'vitest';
import { validateDigest } from '../../../src/core/reference';

describe('validateDigest (go-digest Parse)', () => {
  it.each([
    ['sha256', 64],
    ['sha384', 96],
    ['sha512', 128],
  ])('accepts %s with exactly %i lower-case hex digits', (algorithm, length) => {
    const digest = `${algorithm}:${'0123456789abcdef'.repeat(8).slice(0, length)}`;
    expect(validateDigest(digest)).toEqual({ ok: true, value: digest });
    expect(validateDigest(`${digest}0`)).toMatchObject({ ok: false, error: { kind: 'invalid-digest' } });
    expect(validateDigest(digest.slice(0, -1))).toMatchObject({ ok: false, error: { kind: 'invalid-digest' } });
  });

  it('rejects upper-case hex', () => {
    const result = validateDigest(`sha256:${'A'.repeat(64)}`);
    expect(result).toMatchObject({ ok: false, error: { code: 'REF_INVALID', kind: 'invalid-digest' } });
  });

  it('reports a well-formed digest of an unknown algorithm as unsupported', () => {
    expect(validateDigest(`md5:${'a'.repeat(32)}`)).toMatchObject({ ok: false, error: { kind: 'unsupported-digest' } });
  });

  it.each(['', 'sha256', 'sha256:', ':abc', 'SHA256:abc', 'sha256:' + 'g'.repeat(64)])('rejects %j', (input) => {
    expect(validateDigest(input)).toMatchObject({ ok: false, error: { kind: 'invalid-digest' } });
  });
});
