import { describe, expect, it } from 'vitest';
import { familiarMatch, familiarString, parseAnyReference, parseNormalizedNamed } from '../../../src/core/reference';
import { section } from './reference-vectors';

function anyReference(input: string) {
  const result = parseAnyReference(input);
  if (!result.ok) throw result.error;
  return result.value;
}

describe('familiarMatch (Go FamiliarMatch)', () => {
  describe.each(section('familiarMatch'))('pattern $pattern against $reference', (vector) => {
    const ref = anyReference(vector.reference ?? '');
    if (vector.error) {
      it('reports a malformed pattern as PATTERN_INVALID', () => {
        expect(familiarMatch(vector.pattern ?? '', ref)).toMatchObject({
          ok: false,
          error: { code: 'PATTERN_INVALID' },
        });
      });
    } else {
      it(`matches: ${String(vector.expected)}`, () => {
        expect(familiarMatch(vector.pattern ?? '', ref)).toEqual({ ok: true, value: vector.expected });
      });
    }
  });

  it('takes a plain Reference as well as a parseAnyReference result', () => {
    const ref = parseNormalizedNamed('docker.io/library/redis:7');
    if (!ref.ok) throw ref.error;
    expect(familiarMatch('redis', ref.value)).toEqual({ ok: true, value: true });
    expect(familiarMatch('redis:*', ref.value)).toEqual({ ok: true, value: true });
  });

  it('matches a bare digest by its string', () => {
    const ref = anyReference(`sha256:${'a'.repeat(64)}`);
    expect(familiarMatch('sha256:*', ref)).toEqual({ ok: true, value: true });
  });
});

describe('familiarString', () => {
  it('drops docker.io and library/ as Docker does', () => {
    const ref = parseNormalizedNamed('docker.io/library/redis:7');
    expect(ref.ok && familiarString(ref.value)).toBe('redis:7');
  });

  // Deviation from Go, which prints `a.b/c` and so names another registry when read back.
  it('keeps docker.io when the short form would be read as another registry', () => {
    const ref = parseNormalizedNamed('docker.io/a.b/c');
    expect(ref.ok && familiarString(ref.value)).toBe('docker.io/a.b/c');
  });
});
