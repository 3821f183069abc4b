import { isGoSpace } from '../go-space';

/**
 * Character classes as Go's `unicode` package defines them. BuildKit decides word boundaries and names with these,
 * and JavaScript's `\s` and `\w` differ from them (`\s` includes U+FEFF, excludes U+0085).
 */

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/** Go's unicode.IsLetter, for one code point. */
export function isGoLetter(code: number): boolean {
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return LETTER.test(String.fromCodePoint(code));
}

/** Go's unicode.IsDigit, for one code point. */
export function isGoDigit(code: number): boolean {
  if (code < 0x80) return code >= 0x30 && code <= 0x39;
  return DIGIT.test(String.fromCodePoint(code));
}

/** Index of the first character at or after `from` that is not Go white space. */
export function skipGoSpace(text: string, from: number, to = text.length): number {
  let i = from;
  while (i < to && isGoSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Index just after the last character before `to` that is not Go white space. */
export function trimGoSpaceEnd(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && isGoSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

/** The `[\t\v\f\r ]` class BuildKit splits instruction arguments on (reWhitespace). */
export function isSplitSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c || code === 0x0d;
}
