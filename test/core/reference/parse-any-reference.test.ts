import { describe, expect, it } from 'vitest';
import { anyReferenceString, parseAnyReference, parseReference } from '../../../src/core/reference';
import { section } from './reference-vectors';

describe('parseAnyReference (Go ParseAnyReference)', () => {
  it.each(section('parseAnyReference'))('reads $input as a $kind reference', (vector) => {
    const result = parseAnyReference(vector.input);
    if (!result.ok) throw result.error;
    expect(anyReferenceString(result.value)).toBe(vector.string);
    if (vector.kind === 'digestOnly') {
      expect(result.value).toEqual({ kind: 'digest', digest: vector.digest });
    } else {
      const same = parseReference(vector.string ?? '');
      expect(same.ok && { kind: 'named', reference: same.value }).toEqual(result.value);
    }
  });

  it('accepts a sha512 digest on its own', () => {
    const digest = `sha512:${'0'.repeat(128)}`;
    expect(parseAnyReference(digest)).toEqual({ ok: true, value: { kind: 'digest', digest } });
  });

  it('falls back to the name rules, and their errors, for anything else', () => {
    expect(parseAnyReference('Foo:bar')).toMatchObject({ ok: false, error: { code: 'REF_INVALID' } });
  });
});
