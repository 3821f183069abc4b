import { describe, expect, it } from 'vitest';
import { parseReference, referenceName, referenceString, withName } from '../../../src/core/reference';
import { KIND_OF, section, title, upstreamMessage, type Vector } from './reference-vectors';

// Go registers only sha256 in the upstream test binary, so a well-formed sha512 digest is "unsupported" there.
// The product accepts sha256, sha384 and sha512 (go-digest's own registry), so this vector must parse.
const SHA512_INPUT = `validname@sha512:${'f'.repeat(128)}`;

function expectFailure(result: ReturnType<typeof parseReference>, vector: Vector): void {
  expect(result.ok).toBe(false);
  if (result.ok || !vector.errName) return;
  expect(result.error).toMatchObject({ code: 'REF_INVALID', kind: KIND_OF[vector.errName] });
  expect(upstreamMessage(vector.errName)).toBe(vector.err);
  expect(result.error.message.startsWith(vector.err ?? '')).toBe(true);
}

describe('parseReference (Go Parse)', () => {
  describe.each(section('parse').map((v) => ({ ...v, shown: title(v.input) })))('given $shown', (vector) => {
    if (vector.input === SHA512_INPUT) {
      it('accepts a well-formed sha512 digest (upstream test binary lacks sha512: mapped, not skipped)', () => {
        const result = parseReference(vector.input);
        expect(result).toMatchObject({ ok: true, value: { path: 'validname', digest: vector.input.slice(10) } });
      });
    } else if (vector.ok) {
      it(`parses to ${title(vector.string ?? '')}`, () => {
        const result = parseReference(vector.input);
        if (!result.ok) throw result.error;
        expect(referenceName(result.value)).toBe(vector.name);
        expect(result.value.domain).toBe(vector.domain);
        expect(result.value.path).toBe(vector.path);
        expect(result.value.tag ?? '').toBe(vector.tag);
        expect(result.value.digest ?? '').toBe(vector.digest);
        expect(referenceString(result.value)).toBe(vector.string);
      });
    } else {
      it(`fails with ${vector.errName}`, () => expectFailure(parseReference(vector.input), vector));
    }
  });

  describe('as a JSON field (Go Field.UnmarshalText then MarshalText)', () => {
    it.each(section('jsonFieldRoundTrip'))('round-trips $input', (vector) => {
      const result = parseReference(vector.input);
      if (!vector.ok) return expectFailure(result, vector);
      if (!result.ok) throw result.error;
      expect(referenceName(result.value)).toBe(vector.name);
      expect(result.value.tag ?? '').toBe(vector.tag);
      expect(result.value.digest ?? '').toBe(vector.digest);
      expect(referenceString(result.value)).toBe(vector.input);
    });
  });

  describe('when only the name is wrong', () => {
    it('names the uppercase letter in the path, not in the domain', () => {
      const result = parseReference('Test:5000/Upper/lower:tag');
      expect(result).toMatchObject({ ok: false, error: { kind: 'name-contains-uppercase' } });
      if (!result.ok) expect(result.error.message).toContain('"Upper/lower" contains "U"');
    });

    it('reports the path length for a too-long name', () => {
      const result = parseReference(`x/${'a'.repeat(256)}`);
      expect(result).toMatchObject({ ok: false, error: { kind: 'name-too-long', input: `x/${'a'.repeat(256)}` } });
    });
  });
});

describe('withName (Go WithName)', () => {
  it.each(section('withNameFailure'))('rejects $input', (vector) => expectFailure(withName(vector.input), vector));

  it.each(section('withNameDomainAndPath'))('splits $input without normalizing', (vector) => {
    expect(withName(vector.input)).toEqual({ ok: true, value: { domain: vector.domain, path: vector.path } });
  });
});
