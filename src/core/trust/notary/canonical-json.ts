import { NotaryError } from './notary-error';

const encoder = new TextEncoder();

// UTF-8 byte order equals UTF-16 code-unit order except that surrogates (beyond the BMP) sort after U+E000–U+FFFF.
function byteRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}

/** Go's string order: UTF-8 bytes, compared without encoding (this runs for every key of every object). */
function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return byteRank(x) - byteRank(y);
  }
  return a.length - b.length;
}

// docker/go canonical/json escapes only `\` and `"`; everything else is emitted raw (the OLPC rule).
function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function encode(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    // Go prints integral floats as integers and refuses the rest; beyond 2^53 the parse already lost digits.
    if (!Number.isSafeInteger(value)) throw new NotaryError('TUF_MALFORMED', 'Trust data holds a non-integer number.');
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(encode).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort(compareUtf8);
    return `{${keys.map((key) => `${quote(key)}:${encode(record[key])}`).join(',')}}`;
  }
  throw new NotaryError('TUF_MALFORMED', 'Trust data holds a value JSON cannot carry.');
}

/** The bytes notary signs: docker/go canonical JSON, keys sorted by UTF-8 byte order, UTF-8 encoded. */
export function canonicalBytes(value: unknown): Uint8Array {
  return encoder.encode(encode(value));
}

export function canonicalString(value: unknown): string {
  return encode(value);
}
