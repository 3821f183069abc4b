/** Thrown inside the matcher for a malformed pattern; `matchPath` turns it into a result. */
export class BadPattern extends Error {}

/**
 * Matches one star-free chunk of a `path.Match` pattern at `name[from]`. Returns where the match ends, or
 * undefined. After a mismatch it keeps reading the chunk, so that a malformed pattern is always reported.
 */
export function matchChunk(chunk: string[], name: string[], from: number): number | undefined {
  let n = from;
  let failed = false;
  for (let c = 0; c < chunk.length;) {
    if (n >= name.length) failed = true;
    const token = chunk[c];
    if (token === '[') {
      const range = matchRange(chunk, c + 1, failed ? undefined : name[n]);
      if (!range.matched) failed = true;
      n++;
      c = range.next;
    } else if (token === '?') {
      if (name[n] === '/') failed = true;
      n++;
      c++;
    } else {
      const escaped = token === '\\';
      if (escaped && c + 1 >= chunk.length) throw new BadPattern();
      const literal = escaped ? chunk[c + 1] : token;
      if (name[n] !== literal) failed = true;
      n++;
      c += escaped ? 2 : 1;
    }
  }
  return failed ? undefined : n;
}

/** A bracket expression starting after '['; `char` undefined means "only check the syntax". */
function matchRange(chunk: string[], from: number, char: string | undefined): { matched: boolean; next: number } {
  let c = from;
  const negated = chunk[c] === '^';
  if (negated) c++;
  let matched = false;
  for (let ranges = 0; ; ranges++) {
    if (chunk[c] === ']' && ranges > 0) return { matched: char !== undefined && matched !== negated, next: c + 1 };
    const lo = rangeChar(chunk, c);
    let hi = lo;
    if (chunk[lo.next] === '-') hi = rangeChar(chunk, lo.next + 1);
    c = hi.next;
    if (char !== undefined && compare(lo.char, char) <= 0 && compare(char, hi.char) <= 0) matched = true;
  }
}

/** One character of a range, possibly escaped; a range must not end the pattern. */
function rangeChar(chunk: string[], at: number): { char: string; next: number } {
  let c = at;
  if (c >= chunk.length || chunk[c] === '-' || chunk[c] === ']') throw new BadPattern();
  if (chunk[c] === '\\') c++;
  const char = chunk[c];
  if (char === undefined || c + 1 >= chunk.length) throw new BadPattern();
  return { char, next: c + 1 };
}

function compare(a: string, b: string): number {
  return (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0);
}
