import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanCompose } from '../../../../src/core/scan/compose';
import { parseDotenv } from '../../../../src/core/scan/compose/dotenv';
import { interpolate } from '../../../../src/core/scan/compose/interpolate';
import { MAX_TEMPLATE_DEPTH } from '../../../../src/core/scan/compose/template-run';

/** Text made of the characters that matter to templates, YAML and .env, so generated inputs hit the edge cases. */
const tricky = fc.string({
  unit: fc.constantFrom(
    '$',
    '{',
    '}',
    ':',
    '-',
    '+',
    '?',
    'A',
    'b',
    '_',
    '1',
    ' ',
    '\n',
    '"',
    "'",
    '\\',
    '#',
    '=',
    '&',
    '*',
    '<',
    '[',
    ']',
    ',',
    'é',
  ),
  maxLength: 120,
});

const env = { A: 'a', b: '', _1: 'x' };
const lookup = (name: string) => (Object.hasOwn(env, name) ? env[name as keyof typeof env] : undefined);

const composeTemplate = (image: string, extra: string) =>
  `x: &x\n  image: ${JSON.stringify(image)}\nservices:\n  s:\n    <<: *x\n    build: ${JSON.stringify(extra)}\n  t:\n    image: ${image}\n${extra}`;

describe('generated inputs', () => {
  it('never make interpolate throw, and offsets it reports stay inside the template', () => {
    fc.assert(
      fc.property(tricky, (template) => {
        const result = interpolate(template, lookup);
        for (const use of result.used) {
          if (use.branch) expect(use.branch.end).toBeLessThanOrEqual(template.length);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('never make parseDotenv throw', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        const parsed = parseDotenv(text, lookup);
        expect(parsed.errors.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 3000 },
    );
  });

  it('never make scanCompose throw, whether the text is compose-like or not', () => {
    fc.assert(
      fc.property(tricky, tricky, (image, extra) => {
        for (const text of [composeTemplate(image, extra), image + extra]) {
          const result = scanCompose(text, { environment: env });
          for (const error of result.errors) expect(error.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

/**
 * Best CPU time of a few runs. CPU time rather than wall time: on a shared, loaded machine waiting for a core would
 * otherwise dominate the measurement.
 */
function bestMs(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i += 1) {
    const started = process.cpuUsage();
    run();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('interpolation on long inputs', () => {
  // Each shape makes compose-go's own regex-per-remainder algorithm quadratic; 8x the input must stay far below 64x.
  const shapes: Record<string, (n: number) => string> = {
    'many operator expressions on one line': (n) => '${U-x}'.repeat(n),
    'nested defaults, up to the nesting cap, many times': (n) =>
      ('${U:-'.repeat(50) + 'x' + '}'.repeat(50)).repeat(n / 50),
    'an unclosed operator expression before many braces': (n) => '${U:-' + '{'.repeat(8 * n) + '}'.repeat(8 * n),
    'many plain variables and escapes': (n) => '$A$$${b}'.repeat(n),
  };

  const LIMIT = 32;

  /** Time ratio for 8x the input, up to three tries: linear work gives about 8, quadratic about 64. */
  function growth(shape: (n: number) => string): number {
    const small = shape(16_000);
    const large = shape(128_000);
    let best = Infinity;
    for (let attempt = 0; attempt < 3 && best >= LIMIT; attempt += 1) {
      const ratio =
        bestMs(() => interpolate(large, lookup)) /
        Math.max(
          bestMs(() => interpolate(small, lookup)),
          0.5,
        );
      best = Math.min(best, ratio);
    }
    return best;
  }

  it.each(Object.entries(shapes))('take linear time for %s', (_name, shape) => {
    expect(growth(shape)).toBeLessThan(LIMIT);
  });

  it('give the same result for a deep nesting as for its meaning, up to the nesting cap', () => {
    const nested = (n: number) => '${U:-'.repeat(n) + 'x' + '}'.repeat(n);
    expect(interpolate(nested(MAX_TEMPLATE_DEPTH), lookup).value).toBe('x');
    expect(interpolate(nested(20_000), lookup).error).toMatchObject({ code: 'COMPOSE_TEMPLATE_TOO_DEEP' });
  });
});
