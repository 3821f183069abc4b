import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  familiarString,
  parseAnyReference,
  parseDockerRef,
  parseNamed,
  parseNormalizedNamed,
  parseReference,
  referenceString,
} from '../../../src/core/reference';
import { grammarishString, referenceTextArbitrary } from './reference-arbitraries';

const PARSERS = { parseReference, parseNormalizedNamed, parseNamed, parseAnyReference, parseDockerRef };

describe('the parsers, on any input', () => {
  it('return a result and never throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), grammarishString), (input) => {
        for (const parse of Object.values(PARSERS)) {
          const result = parse(input);
          if (!result.ok) expect(result.error).toMatchObject({ code: 'REF_INVALID' });
        }
      }),
      { numRuns: 500 },
    );
  });

  // Shapes that make a backtracking engine go quadratic or worse if the grammar were written carelessly.
  const n = 100_000;
  const hostile: Record<string, string> = {
    'one long component': 'a'.repeat(n) + '!',
    'dotted labels': 'a.'.repeat(n / 2) + '!',
    'many slashes': 'a/'.repeat(n / 2) + '!',
    'hyphen runs': 'a-'.repeat(n / 2) + '!',
    'alternating case': 'aB'.repeat(n / 2),
    colons: 'a:'.repeat(n / 2),
    'long port': `a:${'1'.repeat(n)}/`,
    'long digest': `a@sha256:${'f'.repeat(n)}!`,
    brackets: '[a:'.repeat(n / 3) + ']',
    'digest algorithm': `a@${'a-'.repeat(n / 2)}:ffff`,
  };

  describe.each(Object.entries(hostile))('given 100 kB of %s', (_shape, input) => {
    it.each(Object.entries(PARSERS))('%s finishes in under 50 ms', (_name, parse) => {
      parse('warm/up:1');
      const times = [0, 1, 2].map(() => {
        const start = performance.now();
        parse(input);
        return performance.now() - start;
      });
      expect(Math.min(...times)).toBeLessThan(50);
    });
  });
});

describe('a valid reference', () => {
  it('prints back exactly as written (referenceString ∘ parseReference = id)', () => {
    fc.assert(
      fc.property(referenceTextArbitrary, (text) => {
        const parsed = parseReference(text);
        if (!parsed.ok) throw parsed.error;
        expect(referenceString(parsed.value)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('normalizes to the same reference from its familiar form, and is then canonical', () => {
    fc.assert(
      fc.property(referenceTextArbitrary, (text) => {
        const normalized = parseNormalizedNamed(text);
        fc.pre(normalized.ok);
        if (!normalized.ok) return;
        expect(parseNormalizedNamed(familiarString(normalized.value))).toEqual(normalized);
        expect(parseNamed(referenceString(normalized.value))).toEqual(normalized);
      }),
      { numRuns: 1000 },
    );
  });
});
