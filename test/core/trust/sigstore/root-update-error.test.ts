import { describe, expect, it } from 'vitest';
import { toTrustRootUpdateError } from '../../../../src/core/trust/sigstore/root-update-error';

const MIRROR = 'https://tuf.example';
const codeOf = (error: unknown) => toTrustRootUpdateError(error, MIRROR).code;

describe('toTrustRootUpdateError', () => {
  it('reads a TUF verdict through the RuntimeError tuf-js wraps it in', () => {
    const wrapped = new Error('Unable to load snapshot metadata error Error: snapshot.json is expired');
    expect(codeOf(wrapped)).toBe('TRUST_ROOT_EXPIRED');
    expect(codeOf(new Error('outer', { cause: new Error('root was signed by 0/1 keys') }))).toBe(
      'TRUST_ROOT_BAD_SIGNATURE',
    );
  });

  it('keeps a download failure whose text mentions signatures or lengths a TRUST_ROOT_UPDATE_FAILED', () => {
    expect(codeOf(new Error('TLS: certificate signature failure'))).toBe('TRUST_ROOT_UPDATE_FAILED');
    expect(codeOf(new Error('content-length header missing; the certificate has expired'))).toBe(
      'TRUST_ROOT_UPDATE_FAILED',
    );
  });

  it('names the mirror, keeps the cause and does not put it in the message', () => {
    const cause = new Error('getaddrinfo ENOTFOUND tuf.example');
    const error = toTrustRootUpdateError(cause, MIRROR);
    expect(error).toMatchObject({ details: { source: MIRROR }, cause });
    expect(error.message).not.toContain('ENOTFOUND');
  });
});
