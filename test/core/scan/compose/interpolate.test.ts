import { describe, expect, it } from 'vitest';
import { interpolate, type VariableLookup } from '../../../../src/core/scan/compose/interpolate';
import { substitutionOperator } from '../../../../src/core/scan/compose/template-operator';
import { readPeerJson } from './peer-data';

interface SubstituteCase {
  template: string;
  env?: Record<string, string>;
  expected?: string;
  error?: boolean;
  errorContains?: string;
  errorType?: string;
  errorVariable?: string;
  errorReason?: string;
  resultOnError?: string;
  warnings?: number;
}

interface TreeCase {
  name: string;
  env: Record<string, string>;
  input: Record<string, unknown>;
  expected?: Record<string, unknown>;
  error?: string;
  typeCasts?: Record<string, string>;
}

interface Vectors {
  substitute: { defaultEnv: Record<string, string>; cases: SubstituteCase[] };
  substitutionOperatorChoice: { cases: { name: string; input: string; operator: string }[] };
  interpolateTree: { cases: TreeCase[] };
}

const vectors = readPeerJson<Vectors>('interpolation.json');

const lookupIn =
  (env: Record<string, string>): VariableLookup =>
  (name) =>
    Object.hasOwn(env, name) ? env[name] : undefined;

/** compose-go's error text for a tree leaf, built from our structured error (the vectors give whole messages). */
function treeError(path: string, error: NonNullable<ReturnType<typeof interpolate>['error']>): string {
  return error.code === 'COMPOSE_INVALID_TEMPLATE'
    ? `invalid interpolation format for ${path}.\nYou may need to escape any $ with another $.\n${error.template}`
    : `error while interpolating ${path}: ${error.message}`;
}

/** Walks a tree like interpolation.Interpolate: every string leaf is substituted; the first error wins. */
function interpolateTree(value: unknown, path: string, lookup: VariableLookup): { value: unknown; error?: string } {
  if (typeof value === 'string') {
    const result = interpolate(value, lookup);
    return result.error ? { value, error: treeError(path, result.error) } : { value: result.value };
  }
  if (Array.isArray(value) || (typeof value === 'object' && value !== null)) {
    const out: [string, unknown][] = [];
    for (const [key, element] of Object.entries(value)) {
      const child = interpolateTree(element, path ? `${path}.${Array.isArray(value) ? '[]' : key}` : key, lookup);
      if (child.error) return child;
      out.push([key, child.value]);
    }
    return { value: Array.isArray(value) ? out.map(([, v]) => v) : Object.fromEntries(out) };
  }
  return { value };
}

describe('interpolate', () => {
  describe('with the compose-go template.Substitute vectors', () => {
    it.each(vectors.substitute.cases.map((c, i) => [i, c.template, c] as const))('#%i %s', (_i, template, c) => {
      const result = interpolate(template, lookupIn(c.env ?? vectors.substitute.defaultEnv));
      if (c.error) {
        expect(result.error).toBeDefined();
        expect(result.error?.code).toBe(
          c.errorType === 'MissingRequiredError' ? 'COMPOSE_MISSING_REQUIRED' : 'COMPOSE_INVALID_TEMPLATE',
        );
        if (c.errorContains) expect(result.error?.message).toContain(c.errorContains);
        if (c.errorVariable) expect(result.error?.variable).toBe(c.errorVariable);
        if (c.errorReason) expect(result.error?.reason).toBe(c.errorReason);
        if (c.resultOnError !== undefined) expect(result.value).toBe(c.resultOnError);
      } else {
        expect(result.error).toBeUndefined();
        expect(result.value).toBe(c.expected);
        if (c.warnings !== undefined) expect(result.unset).toHaveLength(c.warnings);
      }
    });
  });

  describe('chooses the operator compose-go chooses', () => {
    it.each(vectors.substitutionOperatorChoice.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      expect(substitutionOperator(c.input)).toBe(c.operator);
    });
  });

  describe('with the compose-go interpolation.Interpolate tree vectors', () => {
    const applicable = vectors.interpolateTree.cases.filter((c) => !c.typeCasts);
    it.each(applicable.map((c, i) => [i, c.name, c] as const))('#%i %s', (_i, _name, c) => {
      const result = interpolateTree(c.input, '', lookupIn(c.env));
      if (c.error) expect(result.error).toBe(c.error);
      else expect(result).toEqual({ value: c.expected });
    });

    it('leaves out only the type-cast case, because image strings are never cast to int or bool', () => {
      const skipped = vectors.interpolateTree.cases.filter((c) => c.typeCasts).map((c) => c.name);
      expect(skipped).toEqual(['TestInterpolateWithCast']);
    });
  });

  describe('names the template compose-go names in an invalid-template error', () => {
    it('names the remainder after a default when the error is there', () => {
      const result = interpolate('${A-x} ${ } tail', () => undefined);
      expect(result.error).toMatchObject({ code: 'COMPOSE_INVALID_TEMPLATE', template: ' ${ }' });
    });

    it('names the default text when the error is inside it', () => {
      expect(interpolate('a ${A:-b ${} c} d', () => undefined).error).toMatchObject({ template: 'b ${} c' });
    });

    it('names the whole template otherwise', () => {
      expect(interpolate('a ${A-x} b ${', () => undefined).error).toMatchObject({ template: 'a ${A-x} b ${' });
    });
  });

  describe('records what it looked up, for variable origins', () => {
    it('records branch offsets only when the branch text produced the value', () => {
      const result = interpolate('${A:-x}${B:+y}${C}', (name) => (name === 'B' ? 'b' : undefined));
      expect(result.used).toEqual([
        { name: 'A', found: false, branch: { start: 5, end: 6 } },
        { name: 'B', found: true, branch: { start: 12, end: 13 } },
        { name: 'C', found: false },
      ]);
      expect(result.unset).toEqual(['C']);
    });
  });

  it('leaves out the extractVariables vectors: the scanner reports the variables it used, not every one written', () => {
    expect(Object.keys(readPeerJson<Record<string, unknown>>('interpolation.json'))).toContain('extractVariables');
  });
});
