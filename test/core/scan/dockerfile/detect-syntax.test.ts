import { describe, expect, it } from 'vitest';
import { detectDirective, detectSyntax } from '../../../../src/core/scan/dockerfile/detect-syntax';
import { DirectiveParser } from '../../../../src/core/scan/dockerfile/directives';
import { readBuildkitJson } from './peer-data';

interface DetectCase {
  dockerfile: string;
  ok: boolean;
  ref?: string;
  value?: string;
  startLine?: number;
}
interface DirectivesCase {
  dockerfile: string;
  directives: { name: string; value: string }[];
}
const vectors = readBuildkitJson<Record<string, { cases: unknown[] }>>('parser-instructions.json');

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

describe('parser directives', () => {
  describe('find the syntax image like DetectSyntax', () => {
    it.each(vectors.detectSyntax?.cases as DetectCase[])('$dockerfile', (c) => {
      const found = detectSyntax(c.dockerfile);
      if (!c.ok) return expect(found).toBeNull();
      expect(found?.ref).toBe(c.ref);
      // The reference is the text at the reported offsets.
      expect(c.dockerfile.slice(found?.start, found?.end)).toBe(c.ref);
      if (c.startLine !== undefined) expect(lineOf(c.dockerfile, found?.start ?? 0)).toBe(c.startLine);
    });
  });

  describe('find other directives like ParseDirective', () => {
    it.each(vectors.parseDirective?.cases as (DetectCase & { key: string })[])('$dockerfile', (c) => {
      const found = detectDirective(c.dockerfile, c.key, false);
      if (!c.ok) return expect(found).toBeNull();
      expect(found?.ref).toBe(c.value);
      if (c.startLine !== undefined) expect(lineOf(c.dockerfile, found?.start ?? 0)).toBe(c.startLine);
    });
  });

  describe('stop at the first line that is not a directive, like DirectiveParser.ParseAll', () => {
    it.each(vectors.directives?.cases as DirectivesCase[])('$dockerfile', (c) => {
      const parser = new DirectiveParser();
      const found: { name: string; value: string }[] = [];
      for (const line of c.dockerfile.split('\n')) {
        const directive = parser.parseLine(line, 0, line.length);
        if (directive === null) break;
        if (!('error' in directive)) found.push({ name: directive.name, value: directive.value });
      }
      expect(found).toEqual(c.directives);
    });
  });

  it('rejects a repeated directive', () => {
    const parser = new DirectiveParser();
    parser.parseLine('# escape=`', 0, 10);
    expect(parser.parseLine('# escape=`', 0, 10)).toEqual({ error: 'only one escape parser directive can be used' });
  });
});
