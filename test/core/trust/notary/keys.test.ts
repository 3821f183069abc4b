import { describe, expect, it } from 'vitest';
import { canonicalKeyId, computeKeyId, parsePublicKey } from '../../../../src/core/trust/notary/keys';
import type { TufKey } from '../../../../src/core/trust/notary/metadata';
import { COMPAT, CONNAISSEUR, readBytes } from './peer-fixtures';

interface KeyTable {
  signed: { keys?: Record<string, TufKey>; delegations?: { keys: Record<string, TufKey> } };
}

function keysOf(path: string): [string, TufKey][] {
  const { signed } = JSON.parse(new TextDecoder().decode(readBytes(path))) as KeyTable;
  return Object.entries(signed.keys ?? signed.delegations?.keys ?? {});
}

const tables = [
  `${COMPAT['notary0.1'].dir}root.json`,
  `${COMPAT['notary0.3'].dir}root.json`,
  `${COMPAT['notary0.3'].dir}targets.json`,
  `${CONNAISSEUR}trust_data_wire/alice-image/root.json`,
  `${CONNAISSEUR}trust_data_wire/alice-image/targets.json`,
  `${CONNAISSEUR}trust_data_wire/never-expire-with-delegations-image/targets.json`,
];

describe('computeKeyId', () => {
  it.each(tables.flatMap((path) => keysOf(path)).map(([id, key]) => [key.keytype, id.slice(0, 12), id, key]))(
    'recomputes the %s key %s',
    (_type, _short, id, key) => {
      expect(computeKeyId(key as TufKey)).toBe(id);
    },
  );
});

describe('canonicalKeyId', () => {
  it.each([
    ['notary0.1', '4ff57dc9', 'd0c623c8e70c70d42a8a8125c44a8598588b3f6e31d5c21a83cbc338dfde8a68'],
    ['notary0.3', '354e203b', 'f4eaf871a74aa3b3a0ff95cef2455a1e4d461639f5625418e76756fc5c948690'],
  ] as const)('names the %s root certificate %s by its bare public key, as the key file is', (repo, prefix, file) => {
    const [, key] = keysOf(`${COMPAT[repo].dir}root.json`).find(([id]) => id.startsWith(prefix)) ?? [];
    if (key === undefined) throw new Error('fixture key not found');
    const parsed = parsePublicKey(key);
    if (parsed === undefined) throw new Error('fixture key not parsed');
    expect(canonicalKeyId(key, parsed)).toBe(file);
  });
});

describe('parsePublicKey', () => {
  it('reads raw Ed25519 keys', () => {
    const raw = Buffer.alloc(32, 7).toString('base64');
    expect(parsePublicKey({ keytype: 'ed25519', keyval: { public: raw, private: null } })?.key.asymmetricKeyType).toBe(
      'ed25519',
    );
  });

  it('gives nothing for unknown key types', () => {
    expect(parsePublicKey({ keytype: 'dsa', keyval: { public: 'AAAA', private: null } })).toBeUndefined();
  });
});
