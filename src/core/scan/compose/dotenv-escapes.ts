/**
 * Escape sequences of double-quoted `.env` values as compose-go's dotenv expands them: only `\a \b \c \f \n \r \t \v
 * \$ \" \\` and octal `\0ddd`; anything else (`\x07`, `\u12e4`) stays as written. `\$` becomes `$$` so the later
 * interpolation step keeps a literal `$`.
 */
const ESCAPE = /\\(?:[abcfnrtv$"\\]|0[0-9]{0,3})/g;

const SIMPLE: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '"': '"',
  '\\': '\\',
  $: '$$',
};

export function expandDotenvEscapes(value: string): string {
  return value.includes('\\') ? value.replace(ESCAPE, unescapeOne) : value;
}

/** Go's strconv.UnquoteChar on the sequence; a sequence it rejects (`\c`, `\0`, `\012`, `\0777`) is kept. */
function unescapeOne(sequence: string): string {
  const letter = sequence.charAt(1);
  if (letter !== '0') return SIMPLE[letter] ?? sequence;
  // `\0ddd` is read as the Go octal escape `\ddd`, which needs exactly three digits and a value below 256.
  const digits = sequence.slice(2);
  if (digits.length !== 3 || /[89]/.test(digits)) return sequence;
  const code = parseInt(digits, 8);
  return code < 256 ? String.fromCharCode(code) : sequence;
}
