import { describe, expect, it } from 'vitest';
import {
  parseReference,
  referenceString,
  withDefaultTag,
  withDigest,
  withName,
  withTag,
  type Reference,
} from '../../../src/core/reference';
import { section } from './reference-vectors';

function named(name: string): Reference {
  const result = withName(name);
  if (!result.ok) throw result.error;
  return result.value;
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: Error }): T {
  if (!result.ok) throw result.error;
  return result.value;
}

describe('withTag (Go WithTag)', () => {
  it.each(section('withTag'))('gives $combined', (vector) => {
    const base = vector.digest ? value(withDigest(named(vector.name ?? ''), vector.digest)) : named(vector.name ?? '');
    expect(referenceString(value(withTag(base, vector.tag ?? '')))).toBe(vector.combined);
  });
});

describe('withDigest (Go WithDigest)', () => {
  it.each(section('withDigest'))('gives $combined', (vector) => {
    const base = vector.tag ? value(withTag(named(vector.name ?? ''), vector.tag)) : named(vector.name ?? '');
    expect(referenceString(value(withDigest(base, vector.digest ?? '')))).toBe(vector.combined);
  });
});

describe('invalid components (Go TestInvalidReferenceComponents)', () => {
  const cases = section('invalidComponents').filter((vector) => vector.op !== 'ParseNormalizedNamed');
  it.each(cases)('$op rejects its argument', (vector) => {
    const base = named(vector.name ?? '');
    const result = vector.op === 'WithTag' ? withTag(base, vector.tag ?? '') : withDigest(base, vector.digest ?? '');
    const kind = vector.op === 'WithTag' ? 'invalid-tag' : 'invalid-digest';
    expect(result).toMatchObject({ ok: false, error: { code: 'REF_INVALID', kind } });
  });
});

describe('withDefaultTag (Go TagNameOnly)', () => {
  it('adds latest when there is neither tag nor digest', () => {
    expect(withDefaultTag(value(parseReference('foo')))).toEqual({ domain: '', path: 'foo', tag: 'latest' });
  });

  it('keeps a reference that has a tag or a digest as it is', () => {
    const digested = value(parseReference(`foo@sha256:${'a'.repeat(64)}`));
    expect(withDefaultTag(digested)).toBe(digested);
    const tagged = value(parseReference('foo:1'));
    expect(withDefaultTag(tagged)).toBe(tagged);
  });
});
