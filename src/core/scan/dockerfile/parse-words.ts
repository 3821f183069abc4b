import { isGoSpace } from '../go-space';
import type { Word } from './instruction';

/**
 * BuildKit's parseWords: split on white space outside quotes, keeping quotes and escapes in the words (they are
 * removed later by the shell lexer). Used by ARG, ENV and LABEL.
 */
export function parseWords(line: string, from: number, to: number, escape: number): Word[] {
  const words: Word[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let quote = 0;
  let blankOk = false;
  let start = from;
  // A word's value is its raw text, minus an escape that ends the input (slices, not per-character appends).
  let skipsLast = false;
  const push = (end: number) => {
    const value = line.slice(start, skipsLast ? end - 1 : end);
    if (blankOk || value.length > 0) words.push({ value, start, end });
  };
  for (let pos = from; pos <= to; pos++) {
    const ch = pos < to ? line.charCodeAt(pos) : -1;
    if (phase === 'spaces') {
      if (pos === to) break;
      if (isGoSpace(ch)) continue;
      phase = 'word';
      start = pos;
    }
    if (pos === to) {
      push(pos);
      break;
    }
    if (phase === 'word') {
      if (isGoSpace(ch)) {
        phase = 'spaces';
        push(pos);
        blankOk = false;
        continue;
      }
      if (ch === 0x27 || ch === 0x22) {
        quote = ch;
        blankOk = true;
        phase = 'quote';
      }
    } else if (ch === quote) phase = 'word';
    // Inside single quotes nothing is escaped.
    if (ch === escape && (phase === 'word' || quote !== 0x27)) {
      if (pos + 1 === to) {
        phase = 'word';
        skipsLast = true;
        continue;
      }
      pos++;
    }
  }
  return words;
}
