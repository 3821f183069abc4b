import type { Bundle } from '@sigstore/bundle';
import { HashAlgorithm } from '@sigstore/protobuf-specs';
import { CosignError } from './cosign-error';

/** The predicate type of cosign v3's signature statement (an empty predicate; the subject is what is signed). */
export const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';

const IN_TOTO_PAYLOAD = 'application/vnd.in-toto+json';

export interface InTotoStatement {
  predicateType: string;
  /** `sha256:<hex>` of every subject with a sha256 digest. */
  subjects: string[];
}

function malformed(what: string, cause?: unknown): CosignError {
  const message = `The Sigstore bundle's ${what}.`;
  return new CosignError('COSIGN_MALFORMED_PAYLOAD', message, cause === undefined ? undefined : { cause });
}

/** Reads the in-toto statement of a DSSE bundle; `undefined` for a message-signature bundle. */
export function parseStatement(bundle: Bundle): InTotoStatement | undefined {
  if (bundle.content.$case !== 'dsseEnvelope') return undefined;
  const envelope = bundle.content.dsseEnvelope;
  if (envelope.payloadType !== IN_TOTO_PAYLOAD)
    throw malformed(`DSSE payload type ${envelope.payloadType} is not in-toto`);
  let doc: { predicateType?: unknown; subject?: unknown };
  try {
    doc = JSON.parse(Buffer.from(envelope.payload).toString('utf8')) as typeof doc;
  } catch (error) {
    throw malformed('in-toto statement is not JSON', error);
  }
  if (typeof doc.predicateType !== 'string' || !Array.isArray(doc.subject))
    throw malformed('in-toto statement has no predicate type or subjects');
  const subjects = doc.subject.flatMap((s: unknown) => {
    const hex = (s as { digest?: { sha256?: unknown } } | null)?.digest?.sha256;
    return typeof hex === 'string' ? [`sha256:${hex.toLowerCase()}`] : [];
  });
  return { predicateType: doc.predicateType, subjects };
}

/**
 * What @sigstore/verify does not check: the bundle signs this image. A DSSE statement must be cosign's signature
 * statement with the digest among its subjects; a message signature must be over the manifest of that digest.
 */
export function verifyBundleSubject(bundle: Bundle, digest: string): void {
  const statement = parseStatement(bundle);
  if (statement !== undefined) {
    if (statement.predicateType !== COSIGN_SIGN_PREDICATE)
      throw malformed(`statement is a ${statement.predicateType} attestation, not a cosign signature`);
    if (statement.subjects.includes(digest)) return;
    const message = `A Sigstore bundle found for ${digest} signs ${statement.subjects.join(', ') || 'no sha256 subject'}: it was copied from another image.`;
    throw new CosignError('COSIGN_DIGEST_MISMATCH', message);
  }
  if (bundle.content.$case !== 'messageSignature') throw malformed('content is neither DSSE nor a message signature');
  const { messageDigest } = bundle.content.messageSignature;
  const signed = `sha256:${Buffer.from(messageDigest?.digest ?? []).toString('hex')}`;
  if (messageDigest?.algorithm !== HashAlgorithm.SHA2_256 || signed !== digest) {
    const message = `A Sigstore bundle found for ${digest} signs ${signed}: it was copied from another image.`;
    throw new CosignError('COSIGN_DIGEST_MISMATCH', message);
  }
}
