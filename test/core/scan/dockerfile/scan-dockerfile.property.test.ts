import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanDockerfile } from '../../../../src/core/scan/dockerfile';

const pieces = [
  'FROM ',
  'from ',
  'ARG ',
  'COPY --from=',
  'RUN --mount=type=bind,from=',
  'ONBUILD ',
  ' AS ',
  'alpine:3',
  '${A:-x}',
  '${B:?m}',
  '$TARGETARCH',
  '"',
  "'",
  '\\',
  '`',
  '\\\n',
  '`\n',
  '\n',
  '\r\n',
  '# escape=`\n',
  '# syntax=x\n',
  '<<EOF',
  '<<-"E"',
  'EOF\n',
  '\tE\n',
  '[',
  ']',
  '=',
  ',',
  ' ',
  '\t',
  '#',
  '\u00a0',
  '\ufeff',
  '\u{1F600}',
  '\0',
];

const dockerfileLike = fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((parts) => parts.join(''));

/** Every range must point at the text reported for it. */
function textAt(text: string, range: { line: number; column: number; endLine: number; endColumn: number }): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const from = (starts[range.line - 1] ?? 0) + range.column - 1;
  const to = (starts[range.endLine - 1] ?? 0) + range.endColumn - 1;
  return text.slice(from, to);
}

/**
 * CPU time of one scan, the best of five: the machine may be shared and GC threads count in the process's CPU time,
 * and the best run shows the algorithm (three runs let a few-millisecond baseline jitter past the ratio).
 */
function timeOf(text: string): number {
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    const start = process.cpuUsage();
    scanDockerfile(text);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('scanDockerfile on any input', () => {
  it('never throws and reports ranges that hold the reported text', () => {
    fc.assert(
      fc.property(dockerfileLike, fc.string(), (text, target) => {
        const result = scanDockerfile(text, { target, buildArgs: { A: 'a' }, platform: 'linux/amd64' });
        for (const image of result.images) expect(textAt(text, image.range)).toBe(image.text);
        for (const error of result.errors) expect(error.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expect(() => scanDockerfile(text)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  describe('runs in linear time', () => {
    const cases: [string, (size: number) => string][] = [
      ['continuations', (n) => 'FROM a \\\n'.repeat(n / 9)],
      ['empty continuation lines', (n) => 'RUN a \\\n' + '\n'.repeat(n)],
      ['unterminated heredocs', (n) => 'FROM a\n' + 'RUN <<EOF\n'.repeat(n / 10)],
      ['heredocs with many delimiters', (n) => 'FROM a\n' + 'RUN <<A <<B <<C\nA\n'.repeat(n / 18)],
      ['nested expansions', (n) => 'FROM ' + '${A:-'.repeat(n / 5) + '}'.repeat(n / 5)],
      ['quotes', (n) => 'ARG A="' + '\\"'.repeat(n / 2)],
      [
        'many stages copying each other',
        (n) =>
          'FROM a AS s0\n' +
          Array.from({ length: n / 40 }, (_, i) => `FROM a AS s${i + 1}\nCOPY --from=s${i} / /\n`).join(''),
      ],
      ['ONBUILD chains', (n) => 'FROM a\n' + 'ONBUILD '.repeat(n / 8) + 'RUN x\n'],
      ['long mount lists', (n) => 'FROM a\nRUN ' + '--mount=type=cache,target=/x '.repeat(n / 30) + 'true\n'],
    ];

    // Eight times the input must cost about eight times the time (quadratic would be 64). The absolute budget
    // is loose because test machines are shared; unloaded, each case takes well under 200 ms (see the report).
    it.each(cases)('on 1 MB of %s', (_name, make) => {
      const eighth = make(125_000);
      const large = make(1_000_000);
      const eighthTime = Math.max(timeOf(eighth), 1);
      const largeTime = timeOf(large);
      expect(largeTime / eighthTime).toBeLessThan(24);
      expect(largeTime).toBeLessThan(2000);
    });

    it('on a 10 MB file', () => {
      const block =
        'ARG TAG=1\nFROM alpine:${TAG} AS b\nRUN --mount=type=cache,target=/c echo \\\n  hi\nCOPY --from=b /a /b\n';
      const text = block.repeat(Math.ceil(10_000_000 / block.length));
      const result = scanDockerfile(text);
      expect(result.images.length).toBeGreaterThan(100_000);
    }, 120_000);
  });
});
