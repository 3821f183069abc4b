import { skipGoSpace } from './go-text';

/**
 * Parser directives (`# escape=`, `# syntax=`, `# check=`) as BuildKit's DirectiveParser reads them: only at the very
 * top, each once, anything else ends the directive block.
 */

export interface Directive {
  name: string;
  value: string;
  /** File offsets of the value. */
  start: number;
  end: number;
}

export type DirectiveLine = Directive | { error: string } | null;

const KNOWN = new Set(['syntax', 'escape', 'check']);

function isRe2Space(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

function isAlpha(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isAlnum(code: number): boolean {
  return isAlpha(code) || (code >= 0x30 && code <= 0x39);
}

export class DirectiveParser {
  private done = false;
  private seen: Set<string> | undefined;

  constructor(private readonly prefix = '#') {}

  /** Reads one line [from, to) of `text`; null when it is not a directive (and ends the block). */
  parseLine(text: string, from: number, to: number): DirectiveLine {
    if (this.done) return null;
    if (!text.startsWith(this.prefix, from) || from + this.prefix.length > to) return this.stop();
    const match = matchDirective(text, skipGoSpace(text, from + this.prefix.length, to), to);
    if (!match) return this.stop();
    const name = text.slice(match.nameStart, match.nameEnd).toLowerCase();
    if (!KNOWN.has(name)) return this.stop();
    this.seen ??= new Set();
    if (this.seen.has(name)) return { error: `only one ${name} parser directive can be used` };
    this.seen.add(name);
    return { name, value: text.slice(match.start, match.end), start: match.start, end: match.end };
  }

  private stop(): null {
    this.done = true;
    return null;
  }
}

/** `^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` without backtracking. */
function matchDirective(text: string, from: number, to: number) {
  let i = from;
  if (i >= to || !isAlpha(text.charCodeAt(i))) return null;
  while (i < to && isAlnum(text.charCodeAt(i))) i++;
  const nameEnd = i;
  while (i < to && isRe2Space(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x3d || i >= to) return null;
  const afterEquals = ++i;
  while (i < to && isRe2Space(text.charCodeAt(i))) i++;
  let end = to;
  while (end > i && isRe2Space(text.charCodeAt(end - 1))) end--;
  // `.+?` needs one character: an all-space value leaves the regexp the last space.
  if (end === i) return to > afterEquals ? { nameStart: from, nameEnd, start: to - 1, end: to } : null;
  return { nameStart: from, nameEnd, start: i, end };
}
