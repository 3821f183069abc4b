import { NotaryError } from './notary-error';

const encoder = new TextEncoder();

/** Go's string order: compare UTF-8 bytes, not UTF-16 code units (they differ for characters beyond the BMP). */
function compareUtf8(a: string, b: string): number {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  }
  return x.length - y.length;
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
