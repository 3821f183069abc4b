/**
 * Go's `unicode.IsSpace`: ASCII whitespace, U+0085, U+00A0 and the Unicode White_Space characters (not U+FEFF).
 * BuildKit and compose-go split words with it, and JavaScript's `\s` differs (it has U+FEFF, lacks U+0085).
 */
export function isGoSpace(code: number): boolean {
  if (code <= 0xff) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0x85 || code === 0xa0;
  return (
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}
