import { X509Certificate } from 'node:crypto';
import { CosignError } from './cosign-error';

const CODE_SIGNING = '1.3.6.1.5.5.7.3.3';
const ANY_USAGE = '2.5.29.37.0';

/**
 * cosign verifies a Fulcio leaf for code signing (Go's x509 `ExtKeyUsageCodeSigning`); @sigstore/verify does not.
 * As in Go, a certificate without an extended key usage extension may be used for anything.
 */
export function verifyCodeSigningUsage(leaf: Uint8Array, what: string): void {
  let usages: string[] | undefined;
  try {
    usages = new X509Certificate(leaf).keyUsage;
  } catch (error) {
    throw new CosignError('COSIGN_UNTRUSTED_CERTIFICATE', `The certificate of ${what} cannot be read.`, {
      cause: error,
    });
  }
  if (usages === undefined || usages.includes(CODE_SIGNING) || usages.includes(ANY_USAGE)) return;
  const message = `The certificate of ${what} is not for code signing (its extended key usages are ${usages.join(', ')}).`;
  throw new CosignError('COSIGN_UNTRUSTED_CERTIFICATE', message);
}
