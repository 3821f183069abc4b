import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyCodeSigningUsage } from '../../../../src/core/trust/sigstore/certificate-usage';
import { SIGSTORE_PEER_DATA } from './peer-fixtures';

const der = (path: string) => {
  const pem = readFileSync(path, 'utf8');
  return Buffer.from(pem.replace(/-----[A-Z ]+-----|\s+/g, ''), 'base64');
};
const FIXTURES = `${SIGSTORE_PEER_DATA}containers-image/fixtures/`;
const NOTARY_SERVER = `${SIGSTORE_PEER_DATA}../notary/theupdateframework-notary/fixtures/notary-server.crt`;

describe('verifyCodeSigningUsage', () => {
  it('accepts a Fulcio certificate (extended key usage: code signing)', () => {
    expect(() => verifyCodeSigningUsage(der(`${FIXTURES}fulcio-cert`), 'x')).not.toThrow();
  });

  it('accepts a certificate without an extended key usage extension, as Go does', () => {
    expect(() => verifyCodeSigningUsage(der(`${FIXTURES}pki-cert`), 'x')).not.toThrow();
  });

  it('fails with COSIGN_UNTRUSTED_CERTIFICATE for a TLS server certificate', () => {
    expect(() => verifyCodeSigningUsage(der(NOTARY_SERVER), 'x')).toThrow(
      expect.objectContaining({ code: 'COSIGN_UNTRUSTED_CERTIFICATE' }),
    );
  });

  it('fails with COSIGN_UNTRUSTED_CERTIFICATE for bytes that are not a certificate', () => {
    expect(() => verifyCodeSigningUsage(Buffer.from('nope'), 'x')).toThrow(
      expect.objectContaining({ code: 'COSIGN_UNTRUSTED_CERTIFICATE' }),
    );
  });
});
