import { DirectiveParser, type Directive } from './directives';

/**
 * The `syntax` directive as BuildKit's DetectSyntax finds it (the frontend image that will parse the file): after an
 * optional BOM and `#!` line, in `#` comments, else `//` comments, else a JSON document's "syntax" key.
 */

export interface SyntaxDirective {
  /** The value up to its first space (for `syntax`, the frontend image reference). */
  ref: string;
  start: number;
  end: number;
}

export function detectSyntax(text: string): SyntaxDirective | null {
  return detectDirective(text, 'syntax', true);
}

/** ParseDirective / DetectSyntax for any directive; `anyFormat` also accepts `//` comments and JSON. */
export function detectDirective(text: string, key: string, anyFormat: boolean): SyntaxDirective | null {
  let from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.startsWith('#!', from)) {
    const newline = text.indexOf('\n', from);
    from = newline === -1 ? text.length : newline + 1;
  }
  const found = findDirective(text, from, '#', key) ?? (anyFormat ? findDirective(text, from, '//', key) : null);
  if (found) {
    const space = found.value.indexOf(' ');
    const end = space === -1 ? found.end : found.start + space;
    return { ref: text.slice(found.start, end), start: found.start, end };
  }
  return anyFormat ? fromJson(text, from, key) : null;
}

/** DirectiveParser.ParseAll: lines until the block ends; bufio.ScanLines drops one trailing `\r`. */
function findDirective(text: string, from: number, prefix: string, key: string): Directive | null {
  if (!text.startsWith(prefix, from)) return null;
  const parser = new DirectiveParser(prefix);
  for (let start = from; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length : newline + 1;
    let end = newline === -1 ? text.length : newline;
    if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
    const line = parser.parseLine(text, start, end);
    if (line === null) return null;
    // A repeated directive stops ParseAll with the directives found so far.
    if ('error' in line) return null;
    if (line.name === key) return line;
    start = next;
  }
  return null;
}

function fromJson(text: string, from: number, key: string): SyntaxDirective | null {
  let first = from;
  while (first < text.length && isJsonSpace(text.charCodeAt(first))) first++;
  if (text.charCodeAt(first) !== 0x7b) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(from));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const value = Object.hasOwn(parsed, key) ? (parsed as Record<string, unknown>)[key] : undefined;
  if (typeof value !== 'string') return null;
  const token = JSON.stringify(value);
  const keyToken = JSON.stringify(key);
  const at = text.indexOf(token, text.indexOf(keyToken, from) + keyToken.length);
  if (at === -1) return null;
  // Unlike comment directives, the JSON value is not cut at its first space.
  return { ref: value, start: at + 1, end: at + token.length - 1 };
}

function isJsonSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
