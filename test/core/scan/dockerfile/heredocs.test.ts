import { describe, expect, it } from 'vitest';
import { heredocsFromLine, parseHeredocWord } from '../../../../src/core/scan/dockerfile/heredocs';
import { readBuildkitJson } from './peer-data';

interface WordCase {
  input: string;
  result: 'heredoc' | 'none' | 'error';
  name?: string;
}
interface LineCase {
  line: string;
  heredocNames: string[] | null;
}
const vectors = readBuildkitJson<Record<string, { cases: unknown[] }>>('parser-instructions.json');

describe('heredoc detection', () => {
  describe('reads a heredoc word like ParseHeredoc', () => {
    it.each(vectors.parseHeredocWord?.cases as WordCase[])('$input → $result', (c) => {
      const parsed = parseHeredocWord(c.input);
      if (c.result === 'none') expect(parsed).toBeNull();
      else if (c.result === 'error') expect(parsed).toHaveProperty('error');
      else expect(parsed).toMatchObject({ name: c.name });
    });
  });

  describe('finds the heredocs of a line like heredocsFromLine', () => {
    // As upstream's test does, every heredoc found must match; BuildKit itself finds none in `RUN <<- EOF`
    // (the lexer splits `<<-` from `EOF`), so that vector's list is an upper bound, not an exact result.
    it.each(vectors.heredocsFromLine?.cases as LineCase[])('$line', (c) => {
      const found = heredocsFromLine(c.line);
      if (!Array.isArray(found)) throw new Error(found.error);
      found.forEach((heredoc, i) => expect(heredoc.name).toBe(c.heredocNames?.[i]));
    });

    it('finds none in `RUN <<- EOF`, as BuildKit', () => {
      expect(heredocsFromLine('RUN <<- EOF')).toEqual([]);
    });
  });
});
