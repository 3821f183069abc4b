import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../../src/core/scan/dockerfile/dockerfile-parser';
import { parseArguments, ArgsError } from '../../../../src/core/scan/dockerfile/line-parsers';
import { parseWords } from '../../../../src/core/scan/dockerfile/parse-words';
import { dumpAst } from './ast-dump';
import { readBuildkit, readBuildkitJson } from './peer-data';

interface Golden {
  positive: string[];
  negative: string[];
}
interface Section<C> {
  cases: C[];
}
const vectors = readBuildkitJson<Record<string, Section<Record<string, unknown>> & Golden>>('parser-instructions.json');

function cases<C>(name: string): C[] {
  return (vectors[name] as unknown as Section<C>).cases;
}

describe('the Dockerfile parser', () => {
  describe('dumps every golden test file exactly as BuildKit', () => {
    it.each((vectors.parseGoldenFiles as Golden).positive)('%s', (name) => {
      const parsed = parseDockerfile(readBuildkit(`parser/testfiles/${name}/Dockerfile`));
      expect(parsed.errors).toEqual([]);
      expect(dumpAst(parsed.instructions).trim() + '\n').toBe(readBuildkit(`parser/testfiles/${name}/result`));
    });
  });

  describe('reports an error for every negative test file', () => {
    it.each((vectors.parseGoldenFiles as Golden).negative)('%s', (name) => {
      const parsed = parseDockerfile(readBuildkit(`parser/testfiles-negative/${name}/Dockerfile`));
      expect(parsed.errors.length).toBeGreaterThan(0);
    });
  });

  it('numbers the lines of instructions spanning continuations, comments and empty lines', () => {
    const [c] = cases<{ file: string; children: number[][] }>('lineNumbers');
    const parsed = parseDockerfile(readBuildkit(c?.file ?? ''));
    expect(parsed.instructions.map((i) => [i.startLine, i.endLine])).toEqual(c?.children);
  });

  describe('extracts heredocs', () => {
    interface Extracted {
      dockerfile: string;
      children: { childIndex: number; heredocs: unknown[] | null }[];
    }
    const [c] = cases<Extracted>('heredocExtraction');
    it.each((c?.children ?? []).map((child) => [child.childIndex, child] as const))(
      'of instruction %i',
      (_i, child) => {
        const parsed = parseDockerfile(c?.dockerfile ?? '');
        const heredocs = parsed.instructions[child.childIndex]?.heredocs ?? [];
        expect(heredocs.length === 0 ? null : heredocs).toEqual(child.heredocs);
      },
    );

    it('never from JSON-form instructions', () => {
      const [json] = cases<{ dockerfile: string; childrenWithoutHeredocs: number[] }>('heredocNotInJSONForm');
      const parsed = parseDockerfile(json?.dockerfile ?? '');
      for (const index of json?.childrenWithoutHeredocs ?? []) expect(parsed.instructions[index]?.heredocs).toEqual([]);
    });

    it.each(cases<{ dockerfile: string; sourceContents: { data: string }[] | null }>('copyHeredoc'))(
      'with the body of COPY sources: $dockerfile',
      (c) => {
        // Chomping (<<-) removes leading tabs when the content is used (ChompHeredocContent), not when it is read.
        const parsed = parseDockerfile(c.dockerfile);
        const bodies = parsed.instructions[0]?.heredocs.map((h) => ({
          data: h.chomp ? h.content.replace(/^\t+/gm, '') : h.content,
        }));
        expect(bodies?.length ? bodies : null).toEqual(c.sourceContents?.map((s) => ({ data: s.data })) ?? null);
      },
    );

    it.each(
      cases<{ dockerfile: string; files: { name: string; data: string; chomp: boolean }[] | null }>('runHeredoc'),
    )('with the files of RUN: $dockerfile', (c) => {
      const heredocs = parseDockerfile(c.dockerfile).instructions[0]?.heredocs ?? [];
      const files = heredocs.map((h) => ({ name: h.name, data: h.content, chomp: h.chomp }));
      expect(files.length ? files : null).toEqual(c.files);
    });
  });

  it('fails a line longer than BuildKit reads (64 KiB)', () => {
    const text = '\n\t\tFROM image\n\t\tLABEL test=' + '"a"'.repeat(65536) + '\n';
    expect(parseDockerfile(text).errors).toEqual([
      { line: 3, message: 'dockerfile line greater than max allowed size of 65535' },
    ]);
  });

  describe('splits words like parseWords', () => {
    it.each(cases<{ input: string; expected: string[] }>('parseWords'))('$input', (c) => {
      expect(parseWords(c.input, 0, c.input.length, 0x5c).map((w) => w.value)).toEqual(c.expected);
    });
  });

  describe('reads exec-form JSON arrays like parseJSON', () => {
    it.each(cases<{ input: string; ok: boolean; expected?: string[] }>('jsonArrayForm'))('$input', (c) => {
      const parse = () => parseArguments('cmd', c.input, 0, c.input.length, 0x5c);
      if (!c.ok) return expect(parse).toThrow(ArgsError);
      expect(parse()).toMatchObject({ json: true, args: (c.expected ?? []).map((value) => ({ value })) });
    });
  });

  describe('reads ENV and LABEL pairs like parseNameVal', () => {
    it.each(cases<{ cmd: string; input: string; nodeValues?: string[]; error?: boolean }>('nameVal'))(
      '$cmd $input',
      (c) => {
        const parse = () => parseArguments(c.cmd.toLowerCase(), c.input, 0, c.input.length, 0x5c);
        if (c.error) return expect(parse).toThrow(ArgsError);
        expect(parse().args.map((w) => w.value)).toEqual(c.nodeValues);
      },
    );
  });

  // Not applicable to a reference scanner, listed so nothing is skipped silently:
  // - emptyContinuationWarnings: BuildKit warnings (not errors) about style; we emit no warnings.
  // - commentsDetection: doc comments of stages and ARGs (the outline/lint feature).
  // - instructionErrors, instructionNodeErrors, healthcheck*, runFlagsUsed, handleJSONArgs, runDevice: typed
  //   instruction semantics of RUN/HEALTHCHECK/ENV/...; the ones that matter for references (unknown instruction,
  //   COPY/ADD without destination, unknown flags) are tested in scan-dockerfile.test.ts.
});
