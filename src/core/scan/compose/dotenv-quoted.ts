/**
 * The raw characters of a quoted `.env` value as compose-go's dotenv reads them, before escapes are expanded: a
 * backslash before the closing quote character keeps the quote and drops itself; any other backslash pair is kept
 * whole (double-quoted values expand it later, single-quoted values keep it).
 */
export interface QuotedText {
  chars: string;
  /** Offset of the closing quote, or -1 when the value is not terminated. */
  close: number;
  /** Line breaks read, up to the closing quote or the end of the text. */
  newlines: number;
}

export function readQuoted(text: string, open: number, quote: string): QuotedText {
  let chars = '';
  let escaped = false;
  let newlines = 0;
  for (let i = open + 1; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char === '\n') newlines += 1;
    if (char === quote && !escaped) return { chars, close: i, newlines };
    if (char === '\\' && !escaped) {
      escaped = true;
      continue;
    }
    chars += escaped && char !== quote ? `\\${char}` : char;
    escaped = false;
  }
  return { chars, close: -1, newlines };
}
