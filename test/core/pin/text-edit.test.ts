import { describe, expect, it } from 'vitest';
import { applyTextEdits } from '../../../src/core/pin/text-edit';

const at = (line: number, column: number, endColumn: number) => ({ line, column, endLine: line, endColumn });

describe('applyTextEdits', () => {
  it('replaces exactly the given ranges and leaves every other byte alone', () => {
    const text = 'FROM a:1 AS x\r\n# keep  this\r\nFROM b\r\n';
    const result = applyTextEdits(text, [
      { range: at(3, 6, 7), expected: 'b', newText: 'b@sha256:1' },
      { range: at(1, 6, 9), expected: 'a:1', newText: 'a:1@sha256:2' },
    ]);
    expect(result).toBe('FROM a:1@sha256:2 AS x\r\n# keep  this\r\nFROM b@sha256:1\r\n');
  });

  it('counts columns in UTF-16 code units, as editors do', () => {
    const text = '# 🐳\nFROM é:1 # ü\n';
    expect(applyTextEdits(text, [{ range: at(2, 6, 9), expected: 'é:1', newText: 'é:2' }])).toBe(
      '# 🐳\nFROM é:2 # ü\n',
    );
  });

  it('refuses an edit whose text is no longer there', () => {
    expect(() => applyTextEdits('FROM c\n', [{ range: at(1, 6, 7), expected: 'b', newText: 'x' }])).toThrow(
      expect.objectContaining({ code: 'PIN_STALE_EDIT' }),
    );
  });

  it('refuses overlapping edits rather than guessing', () => {
    const edits = [
      { range: at(1, 1, 5), expected: 'FROM', newText: 'X' },
      { range: at(1, 3, 7), expected: 'OM a', newText: 'Y' },
    ];
    expect(() => applyTextEdits('FROM a\n', edits)).toThrow(expect.objectContaining({ code: 'PIN_STALE_EDIT' }));
  });
});
