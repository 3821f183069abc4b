import { describe, expect, it } from 'vitest';
import { parseDotenv, type DotenvValue } from '../../../../src/core/scan/compose/dotenv';
import { DotenvParser } from '../../../../src/core/scan/compose/dotenv-parser';
import { interpolate } from '../../../../src/core/scan/compose/interpolate';
import { readPeerJson, readPeerText } from './peer-data';

type Env = Record<string, string>;

interface FixtureCase {
  file: string;
  op: string;
  expected?: Env;
  exact?: boolean;
  error?: boolean;
  errorContains?: string;
  lookupEnv?: Env;
  presetOsEnv?: Env;
  source?: string;
}

interface ParseCase {
  name?: string;
  input: string;
  key?: string;
  value?: string;
  expectedMap?: Env;
  exact?: boolean;
  error?: boolean;
  errorContains?: string;
  errorExact?: string;
  lookupEnv?: Env;
}

interface Vectors {
  fixtures: { cases: FixtureCase[] };
  parse: { cases: ParseCase[] };
  statementStart: { cases: { name: string; input: string; expected: string }[] };
  multipleFiles: {
    cases: {
      files?: Record<string, string>;
      order?: string[];
      currentEnv?: Env | null;
      expected?: Env;
      note?: string;
    }[];
  };
  expandVariables: {
    envSoFar: Env;
    cases: { name: string; input: string; result: string; error?: { variable: string; reason: string } }[];
  };
}

const vectors = readPeerJson<Vectors>('dotenv.json');

const lookupIn = (env: Env | undefined) => (name: string) => (env && Object.hasOwn(env, name) ? env[name] : undefined);

const plain = (values: Map<string, DotenvValue>): Env => Object.fromEntries([...values].map(([k, v]) => [k, v.value]));

/** Read/ReadWithLookup (not the compose project path) drop keys that start with a digit. */
const withoutDigitKeys = (env: Env): Env => Object.fromEntries(Object.entries(env).filter(([k]) => !/^\s*\d/.test(k)));

function expectEnv(actual: Env, expected: Env, exact: boolean | undefined): void {
  if (exact) expect(actual).toEqual(expected);
  else expect(actual).toMatchObject(expected);
}

describe('parseDotenv', () => {
  describe('with the compose-go fixture files, read in place', () => {
    const applicable = vectors.fixtures.cases.filter((c) => c.op !== 'ParseWithFormat(custom)');
    it.each(applicable.map((c, i) => [i, c.op, c.file, c] as const))('#%i %s %s', (_i, op, file, c) => {
      const parsed = parseDotenv(readPeerText(`dotenv/${file}`), lookupIn(c.lookupEnv));
      if (c.error) {
        expect(parsed.errors).toHaveLength(1);
        expect(parsed.errors[0]?.message).toContain(c.errorContains);
        return;
      }
      expect(parsed.errors).toEqual([]);
      // Load never overrides what the process environment already holds.
      const values =
        op === 'Load' ? { ...plain(parsed.values), ...c.presetOsEnv } : withoutDigitKeys(plain(parsed.values));
      expectEnv(values, c.expected ?? {}, c.exact);
    });

    it('leaves out only the custom-format case, a Go plug-in API with no .env meaning', () => {
      expect(vectors.fixtures.cases.filter((c) => c.op === 'ParseWithFormat(custom)')).toHaveLength(1);
    });
  });

  describe('with the compose-go parser vectors', () => {
    it.each(vectors.parse.cases.map((c, i) => [i, c.name ?? c.input, c] as const))('#%i %s', (_i, _name, c) => {
      const parsed = parseDotenv(c.input, lookupIn(c.lookupEnv));
      if (c.error) {
        expect(parsed.errors).toHaveLength(1);
        if (c.errorContains) expect(parsed.errors[0]?.message).toContain(c.errorContains);
        if (c.errorExact) expect(parsed.errors[0]?.message).toBe(c.errorExact);
        return;
      }
      expect(parsed.errors).toEqual([]);
      if (c.key !== undefined) expect(parsed.values.get(c.key)?.value).toBe(c.value);
      if (c.expectedMap) expectEnv(plain(parsed.values), c.expectedMap, c.exact);
    });
  });

  describe('finds where statements start like getStatementStart', () => {
    it.each(vectors.statementStart.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const parser = new DotenvParser(c.input, new Map(), () => undefined);
      const start = parser.statementStart(0);
      expect(start === -1 ? '' : c.input.slice(start)).toBe(c.expected);
    });
  });

  describe('reads several env files like GetEnvFromFile', () => {
    const applicable = vectors.multipleFiles.cases.filter((c) => c.files);
    it.each(applicable.map((c, i) => [i, c] as const))('#%i', (_i, c) => {
      let values = new Map<string, DotenvValue>();
      for (const name of c.order ?? []) {
        const parsed = parseDotenv(c.files?.[name] ?? '', lookupIn(c.currentEnv ?? undefined), values);
        expect(parsed.errors).toEqual([]);
        values = parsed.values;
      }
      expect(plain(values)).toEqual(c.expected);
    });

    it('leaves out the directory-as-env-file case, because parsing takes text and never opens paths', () => {
      expect(vectors.multipleFiles.cases.filter((c) => !c.files).map((c) => c.note)).toEqual([
        'a directory given as env file',
      ]);
    });
  });

  describe('expands values like expandVariables', () => {
    const { envSoFar } = vectors.expandVariables;
    it.each(vectors.expandVariables.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const result = interpolate(c.input, lookupIn(envSoFar));
      if (c.error) {
        expect(result.error).toMatchObject({
          code: 'COMPOSE_MISSING_REQUIRED',
          variable: c.error.variable,
          reason: c.error.reason,
        });
        const parsed = parseDotenv(c.input, lookupIn(envSoFar));
        expect(parsed.errors).toHaveLength(1);
      } else {
        expect(result.value).toBe(c.result);
      }
    });
  });

  describe('records where each value is written', () => {
    it('gives the range of an unquoted value without its inline comment', () => {
      const parsed = parseDotenv('# c\nTAG=1.2 # pinned\n');
      expect(parsed.values.get('TAG')?.range).toEqual({ line: 2, column: 5, endLine: 2, endColumn: 8 });
    });

    it('gives the range inside the quotes of a quoted value', () => {
      const parsed = parseDotenv("export TAG = 'v1'\n");
      expect(parsed.values.get('TAG')?.range).toEqual({ line: 1, column: 15, endLine: 1, endColumn: 17 });
    });

    it('counts columns after a UTF-8 BOM as editors do, without the BOM', () => {
      const parsed = parseDotenv('\ufeffA=b');
      expect(parsed.values.get('A')?.range).toEqual({ line: 1, column: 3, endLine: 1, endColumn: 4 });
    });

    it('reports a failure with its line and stops like compose-go', () => {
      const parsed = parseDotenv('A=1\nB="x\n');
      expect(parsed.errors).toEqual([{ line: 3, message: expect.stringContaining('unterminated quoted value') }]);
      expect(plain(parsed.values)).toEqual({ A: '1' });
    });
  });
});
