import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchPath } from '../../../src/core/reference';

// A sample of Go's path.Match table (path/match_test.go), enough to pin each operator.
const CASES: [pattern: string, name: string, matched: boolean][] = [
  ['abc', 'abc', true],
  ['*', 'abc', true],
  ['*c', 'abc', true],
  ['a*', 'a', true],
  ['a*', 'abc', true],
  ['a*', 'ab/c', false],
  ['a*/b', 'abc/b', true],
  ['a*/b', 'a/c/b', false],
  ['a*b*c*d*e*/f', 'axbxcxdxe/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false],
  ['a*b?c*x', 'abxbbxdbxebxczzx', true],
  ['a*b?c*x', 'abxbbxdbxebxczzy', false],
  ['ab[c]', 'abc', true],
  ['ab[b-d]', 'abc', true],
  ['ab[e-g]', 'abc', false],
  ['ab[^c]', 'abc', false],
  ['ab[^b-d]', 'abc', false],
  ['ab[^e-g]', 'abc', true],
  ['a\\*b', 'a*b', true],
  ['a\\*b', 'ab', false],
  ['a?b', 'a☺b', true],
  ['a[^a]b', 'a☺b', true],
  ['a???b', 'a☺b', false],
  ['a[^a][^a][^a]b', 'a☺b', false],
  ['[a-ζ]*', 'α', true],
  ['*[a-ζ]', 'A', false],
  ['a?b', 'a/b', false],
  ['a*b', 'a/b', false],
  ['[\\]a]', ']', true],
  ['[\\-]', '-', true],
  ['[x\\-]', 'x', true],
  ['[x\\-]', '-', true],
  ['[x\\-]', 'z', false],
  ['[\\-x]', 'x', true],
  ['*x', 'xxx', true],
];

const BAD: [pattern: string, name: string][] = [
  ['[]a]', ']'],
  ['[-]', '-'],
  ['[x-]', 'x'],
  ['[-x]', 'x'],
  ['\\', 'a'],
  ['[a-b-c]', 'a'],
  ['[', 'a'],
  ['[^', 'a'],
  ['[^bc', 'a'],
  ['a[', 'a'],
  ['a[', 'ab'],
  ['a[', 'x'],
  ['a/b[', 'x'],
  ['*x[', 'xxx'],
];

describe('matchPath (Go path.Match)', () => {
  it.each(CASES)('%s against %s → %s', (pattern, name, matched) => {
    expect(matchPath(pattern, name)).toEqual({ ok: true, value: matched });
  });

  it.each(BAD)('reports %s as a bad pattern even when %s does not match', (pattern, name) => {
    expect(matchPath(pattern, name)).toMatchObject({ ok: false, error: { code: 'PATTERN_INVALID' } });
  });

  it('returns a result, never throws, for any pattern and name', () => {
    const glob = fc.string({ unit: fc.constantFrom(...'ab/*?[]^-\\'), maxLength: 12 });
    fc.assert(
      fc.property(glob, glob, (pattern, name) => {
        const result = matchPath(pattern, name);
        if (!result.ok) expect(result.error).toMatchObject({ code: 'PATTERN_INVALID' });
      }),
      { numRuns: 2000 },
    );
  });
});
