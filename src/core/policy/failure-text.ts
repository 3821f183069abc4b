import type { FindingSeverity } from './finding';

interface FailureText {
  summary: string;
  severity: FindingSeverity;
}

/** Plain words for the registry failures a user can act on; the code is always shown beside them. */
const BY_CODE: Record<string, FailureText> = {
  AUTH_REQUIRED: { summary: 'the registry wants credentials and none were found', severity: 'warning' },
  AUTH_DENIED: { summary: 'the registry refused access with the credentials found', severity: 'warning' },
  AUTH_FAILED: { summary: 'signing in to the registry failed', severity: 'warning' },
  REGISTRY_NOT_FOUND: { summary: 'the registry has no such image or tag', severity: 'error' },
  REGISTRY_NETWORK: { summary: 'the registry could not be reached', severity: 'information' },
  REGISTRY_TIMEOUT: { summary: 'the registry did not answer in time', severity: 'information' },
  REGISTRY_UNAVAILABLE: { summary: 'the registry is unavailable right now', severity: 'information' },
  REGISTRY_TLS: { summary: "the registry's TLS certificate is not trusted", severity: 'warning' },
  REGISTRY_INSECURE_REFUSED: {
    summary: 'the registry speaks plain HTTP and is not listed in imageTrust.insecureRegistries',
    severity: 'warning',
  },
  REGISTRY_DIGEST_MISMATCH: { summary: 'the registry served bytes that do not match their digest', severity: 'error' },
  RATE_LIMITED: { summary: 'the registry is rate-limiting requests', severity: 'information' },
  CREDENTIAL_HELPER_NOT_FOUND: {
    summary: 'the credential helper named in the Docker config is missing',
    severity: 'warning',
  },
  CREDENTIAL_HELPER_FAILED: { summary: 'the credential helper failed', severity: 'warning' },
};

const FALLBACK: FailureText = { summary: 'the reference could not be resolved', severity: 'warning' };

export function failureText(code: string): FailureText {
  return BY_CODE[code] ?? FALLBACK;
}
