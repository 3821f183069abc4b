/** dotenv's own `isSpace`: blanks that are not line breaks. */
export function isDotenvBlank(c: number): boolean {
  return c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d || c === 0x20 || c === 0x85 || c === 0xa0;
}
