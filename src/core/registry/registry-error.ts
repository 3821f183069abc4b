import { DetailedError } from '../errors';

export type RegistryErrorCode =
  | 'REGISTRY_NOT_FOUND'
  | 'REGISTRY_DIGEST_MISMATCH'
  | 'REGISTRY_UNKNOWN_MEDIA_TYPE'
  | 'REGISTRY_INVALID_MANIFEST'
  | 'REGISTRY_INVALID_CONFIG'
  | 'REGISTRY_RESPONSE_TOO_LARGE'
  | 'REGISTRY_TIMEOUT'
  | 'REGISTRY_NETWORK'
  | 'REGISTRY_TLS'
  | 'REGISTRY_INSECURE_REFUSED'
  | 'REGISTRY_TOO_MANY_REDIRECTS'
  | 'REGISTRY_UNAVAILABLE'
  | 'REGISTRY_UNEXPECTED_STATUS'
  | 'RATE_LIMITED'
  | 'AUTH_REQUIRED'
  | 'AUTH_DENIED'
  | 'AUTH_FAILED'
  | 'AUTH_UNSUPPORTED'
  | 'CREDENTIAL_HELPER_NOT_FOUND'
  | 'CREDENTIAL_HELPER_FAILED'
  | 'CREDENTIAL_CONFIG_INVALID';

/** Evidence kept beside the message; never a credential, and URLs carry no userinfo or query. */
export interface RegistryErrorDetails {
  registry?: string;
  url?: string;
  status?: number;
  /** Where the credential came from, e.g. 'config.json auths'. */
  credentialSource?: string;
  /** REGISTRY_NOT_FOUND: what is missing, from the registry's error code. */
  missing?: 'manifest' | 'repository' | 'blob';
  /** RATE_LIMITED: how long the registry asked us to wait. */
  waitMs?: number;
  expected?: string;
  actual?: string;
  /** REGISTRY_TLS: an untrusted certificate, or a peer that does not speak TLS (a plain HTTP server). */
  tls?: 'certificate' | 'protocol';
}

export class RegistryError extends DetailedError<RegistryErrorCode, RegistryErrorDetails> {
  constructor(code: RegistryErrorCode, message: string, details: RegistryErrorDetails = {}, cause?: unknown) {
    super(code, message, details, cause);
  }
}

/** A URL fit for an error message: no userinfo, no query (token requests carry scopes and maybe more). */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}
