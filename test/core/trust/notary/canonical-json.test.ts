import { readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalString } from '../../../../src/core/trust/notary/canonical-json';
import { CONNAISSEUR, COMPAT, readBytes } from './peer-fixtures';

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = `${dir}${name}`;
    if (statSync(path).isDirectory()) return jsonFiles(`${path}/`);
    return name.endsWith('.json') ? [path] : [];
  });
}

describe('canonicalString', () => {
  it('sorts keys by UTF-8 bytes as Go does, not by UTF-16 code units', () => {
    expect(canonicalString({ '😀': 1, '\uffff': 2, '\ue000': 3 })).toBe('{"\ue000":3,"\uffff":2,"😀":1}');
  });

  it('escapes only backslash and quote, leaving <>& and control characters raw', () => {
    expect(canonicalString({ a: '<&>"\\\n' })).toBe('{"a":"<&>\\"\\\\\n"}');
  });

  it('refuses numbers Go would not print as integers', () => {
    expect(() => canonicalString({ a: 1.5 })).toThrow(expect.objectContaining({ code: 'TUF_MALFORMED' }));
    expect(() => canonicalString({ a: 2 ** 64 })).toThrow(expect.objectContaining({ code: 'TUF_MALFORMED' }));
  });

  const wire = [
    ...jsonFiles(`${CONNAISSEUR}trust_data_wire/`).filter((path) => !path.includes('err-image')),
    ...jsonFiles(COMPAT['notary0.1'].dir),
    ...jsonFiles(COMPAT['notary0.3'].dir),
  ];
  it.each(wire.map((path) => [path.split('notary/').pop(), path]))(
    'reproduces the signed bytes of %s',
    (_name, path) => {
      const text = new TextDecoder().decode(readBytes(path));
      const signed = (JSON.parse(text) as { signed: unknown }).signed;
      expect(text).toContain(`{"signed":${canonicalString(signed)},`);
    },
  );
});
