import { CoreError } from '../errors';
import { BadPattern, matchChunk } from './match-chunk';
import type { ParseResult } from './reference-error';

/** A malformed glob such as `[-x]`; Go's `path.ErrBadPattern`. */
export class PatternError extends CoreError {
  constructor(pattern: string) {
    super('PATTERN_INVALID', `syntax error in pattern: ${JSON.stringify(pattern)}`);
  }
}

/**
 * Go `path.Match`: `*` (no '/'), `?`, `[a-z]`, `[^...]`, `\c`. The pattern must match all of `name`. Like Go,
 * a malformed pattern is reported even when the match fails early, and matching is by code point.
 */
export function matchPath(pattern: string, name: string): ParseResult<boolean, PatternError> {
  try {
    return { ok: true, value: matchChunks(Array.from(pattern), Array.from(name)) };
  } catch (error) {
    if (error instanceof BadPattern) return { ok: false, error: new PatternError(pattern) };
    throw error;
  }
}

function matchChunks(pattern: string[], name: string[]): boolean {
  let p = 0;
  let n = 0;
  while (p < pattern.length) {
    const { star, chunk, next } = scanChunk(pattern, p);
    p = next;
    if (star && chunk.length === 0) return !name.slice(n).includes('/');
    const here = matchChunk(chunk, name, n);
    if (here !== undefined && (here === name.length || p < pattern.length)) {
      n = here;
      continue;
    }
    const skipped = star ? matchAfterSkipping(chunk, name, n, p === pattern.length) : undefined;
    if (skipped !== undefined) {
      n = skipped;
      continue;
    }
    checkRest(pattern, p);
    return false;
  }
  return n === name.length;
}

// A star may swallow any run of characters except '/'; the last chunk must also reach the end of the name.
function matchAfterSkipping(chunk: string[], name: string[], from: number, last: boolean): number | undefined {
  for (let i = from; i < name.length && name[i] !== '/'; i++) {
    const end = matchChunk(chunk, name, i + 1);
    if (end !== undefined && !(last && end < name.length)) return end;
  }
  return undefined;
}

function checkRest(pattern: string[], from: number): void {
  for (let p = from; p < pattern.length;) {
    const { chunk, next } = scanChunk(pattern, p);
    matchChunk(chunk, [], 0);
    p = next;
  }
}

/** Leading stars, then everything up to the next star outside brackets. */
function scanChunk(pattern: string[], from: number): { star: boolean; chunk: string[]; next: number } {
  let i = from;
  while (pattern[i] === '*') i++;
  const star = i > from;
  const start = i;
  let inRange = false;
  for (; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) i++;
    else if (c === '[') inRange = true;
    else if (c === ']') inRange = false;
    else if (c === '*' && !inRange) break;
  }
  return { star, chunk: pattern.slice(start, i), next: i };
}
