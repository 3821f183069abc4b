import { CosignError } from './cosign-error';

/** The claims of a simple-signing payload that verification uses. */
export interface SimpleSigningClaims {
  /** `critical.image.docker-manifest-digest` */
  digest: string;
  /** `critical.identity.docker-reference`; cosign writes the repository, containers/image may add a tag. */
  reference?: string;
}

function malformed(what: string, cause?: unknown): CosignError {
  const message = `The cosign payload ${what}.`;
  return new CosignError('COSIGN_MALFORMED_PAYLOAD', message, cause === undefined ? undefined : { cause });
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** Reads a payload whose signature has verified: the type must be cosign's, the digest must be present. */
export function parseSimpleSigningPayload(bytes: Uint8Array): SimpleSigningClaims {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw malformed('is not JSON', error);
  }
  const critical = field(doc, 'critical');
  const type = field(critical, 'type');
  if (typeof type !== 'string' || type.toLowerCase() !== 'cosign container image signature') {
    throw malformed('is not a cosign container image signature');
  }
  const digest = field(field(critical, 'image'), 'docker-manifest-digest');
  if (typeof digest !== 'string' || digest === '') throw malformed('names no docker-manifest-digest');
  const reference = field(field(critical, 'identity'), 'docker-reference');
  return { digest, ...(typeof reference === 'string' && reference !== '' ? { reference } : {}) };
}
