import { describe, expect, it } from 'vitest';
import { lexWord, type Env } from '../../../../src/core/scan/dockerfile/shell-lexer';
import { shellPatternToRegex } from '../../../../src/core/scan/dockerfile/shell-pattern';
import { readBuildkitJson } from './peer-data';

interface Section<C> {
  cases: C[];
  env?: Record<string, string>;
}
interface WordCase {
  line?: number;
  platform?: 'A' | 'U' | 'W';
  input: string;
  env?: Record<string, string>;
  expected?: string | string[];
  error?: boolean;
  errorContains?: string;
  matched?: string[];
  unmatched?: string[];
}
interface PatternCase {
  pattern: string;
  regex?: string;
  error?: boolean;
}

const vectors = readBuildkitJson<Record<string, Section<WordCase>>>('shell-lex.json');

function envOf(values: Record<string, string>, caseInsensitive = false): Env {
  if (!caseInsensitive) return (name) => (Object.hasOwn(values, name) ? values[name] : undefined);
  const upper = new Map(Object.entries(values).map(([k, v]) => [k.toUpperCase(), v]));
  return (name) => upper.get(name.toUpperCase());
}

function cases(section: string): WordCase[] {
  return (vectors[section] as Section<WordCase>).cases;
}

describe('the shell lexer', () => {
  describe('expands every envVarTest word as ProcessWord does', () => {
    const base = vectors.processWord_envVarTest?.env ?? {};
    // W vectors run on Windows upstream, where env keys are case-insensitive: mapped to a case-insensitive env.
    it.each(cases('processWord_envVarTest').map((c) => [`${c.line}|${c.platform}|${c.input}`, c] as const))(
      '%s',
      (_name, c) => {
        const result = lexWord(c.input, envOf(base, c.platform === 'W'));
        if (c.error) expect(result.ok).toBe(false);
        else expect(result).toMatchObject({ ok: true, value: c.expected });
      },
    );
  });

  describe('splits every wordsTest input as ProcessWords does', () => {
    it.each(cases('processWords_wordsTest').map((c) => [`${c.line}|${c.input}`, c] as const))('%s', (_n, c) => {
      const result = lexWord(c.input, envOf(c.env ?? {}));
      if (c.error) expect(result.ok).toBe(false);
      else expect(result).toMatchObject({ ok: true, words: c.expected });
    });
  });

  describe('reports matched and unmatched variables as ProcessWordWithMatches does', () => {
    it.each(cases('processWordWithMatches').map((c) => [c.input, c] as const))('%s', (_n, c) => {
      const result = lexWord(c.input, envOf(c.env ?? {}));
      if (c.error) return expect(result.ok).toBe(false);
      expect(result).toMatchObject({ ok: true, value: c.expected });
      const names = (set: boolean) => [...new Set(result.uses.filter((u) => u.set === set).map((u) => u.name))].sort();
      expect(names(true)).toEqual([...(c.matched ?? [])].sort());
      expect(names(false)).toEqual([...(c.unmatched ?? [])].sort());
    });
  });

  describe('fails ${V:?msg} and ${V?msg} with the expanded message', () => {
    it.each(cases('processWord_mandatory').map((c, i) => [i, c] as const))('case %i', (_i, c) => {
      const result = lexWord(c.input, envOf(c.env ?? {}));
      if (!c.error) return expect(result).toMatchObject({ ok: true, value: c.expected });
      expect(result.ok).toBe(false);
      if (!result.ok && c.errorContains) expect(result.error).toContain(c.errorContains);
    });
  });

  describe('builds release file names from platform variables', () => {
    it.each(cases('processWord_platformRelease').map((c, i) => [i, c] as const))('case %i', (_i, c) => {
      expect(lexWord(c.input, envOf(c.env ?? {}))).toMatchObject({ ok: true, value: c.expected });
    });
  });

  describe('converts shell patterns like convertShellPatternToRegex', () => {
    const patterns = (vectors.shellPatternToRegex as unknown as Section<PatternCase>).cases;
    it.each(patterns.map((c) => [c.pattern, c] as const))('%s', (_n, c) => {
      if (c.error || c.regex === undefined) return expect(() => shellPatternToRegex(c.pattern, true, true)).toThrow();
      // Our source spells RE2's `.` as `[^\n]` (JavaScript's `.` also stops at `\r`, U+2028, U+2029).
      expect(shellPatternToRegex(c.pattern, true, true).source.replaceAll('[^\\n]', '.')).toBe(c.regex);
    });
  });

  // envsFromSlice_getEnv tests Go's EnvsFromSlice helper; our callers pass a lookup function, so it does not apply.
});
