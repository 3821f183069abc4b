/**
 * Variable names of compose-go templates: `(?i)[_a-z][_a-z0-9]*`. Go's case folding also admits the characters that
 * fold to `k` and `s` (KELVIN SIGN U+212A, LATIN SMALL LETTER LONG S U+017F), so they are name characters too.
 */
export function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x17f || c === 0x212a;
}

export function isNameContinue(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39);
}
