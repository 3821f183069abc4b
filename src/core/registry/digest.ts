import type { HashFunction } from './ports';

const HEX_LENGTHS: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };
const WEBCRYPTO_NAMES: Readonly<Record<string, string>> = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

/** `algorithm:hex` for the three registered algorithms (OCI image-spec descriptor.md); `undefined` otherwise. */
export function parseDigest(value: string): { algorithm: string; hex: string } | undefined {
  const [algorithm = '', hex = ''] = value.split(':', 2);
  const length = Object.hasOwn(HEX_LENGTHS, algorithm) ? HEX_LENGTHS[algorithm] : undefined;
  if (length === undefined || hex.length !== length || !/^[a-f0-9]+$/.test(hex)) return undefined;
  return { algorithm, hex };
}

/**
 * WebCrypto is the default hash: it is a global in Node 20 and in browsers, so the core needs no node: import
 * and stays runnable in a web extension host.
 */
export const webCryptoHash: HashFunction = async (algorithm, bytes) => {
  const name = WEBCRYPTO_NAMES[algorithm];
  if (name === undefined) throw new TypeError(`unsupported digest algorithm ${algorithm}`);
  const hash = new Uint8Array(await globalThis.crypto.subtle.digest(name, bytes));
  return Array.from(hash, (byte) => byte.toString(16).padStart(2, '0')).join('');
};

export async function computeDigest(hash: HashFunction, algorithm: string, bytes: Uint8Array): Promise<string> {
  return `${algorithm}:${await hash(algorithm, bytes)}`;
}
