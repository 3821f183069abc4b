import { createHash } from 'node:crypto';
import { bundleFromJSON, type Bundle } from '@sigstore/bundle';
import { CosignError } from './cosign-error';
import type { SignatureLayer } from './signature-manifest';

/** The `dev.sigstore.cosign/bundle` annotation: a Rekor entry with its SET, as cosign 1.x/2.x writes it. */
interface RekorAnnotation {
  SignedEntryTimestamp: string;
  Payload: { body: string; integratedTime: number; logIndex: number; logID: string };
}

function malformed(what: string, cause?: unknown): CosignError {
  const message = `The cosign signature's ${what}.`;
  return new CosignError('COSIGN_MALFORMED_SIGNATURE', message, cause === undefined ? undefined : { cause });
}

function parseRekorAnnotation(text: string): RekorAnnotation {
  let doc: RekorAnnotation;
  try {
    doc = JSON.parse(text) as RekorAnnotation;
  } catch (error) {
    throw malformed('Rekor bundle annotation is not JSON', error);
  }
  const p = doc?.Payload;
  if (
    typeof doc?.SignedEntryTimestamp !== 'string' ||
    typeof p?.body !== 'string' ||
    !Number.isSafeInteger(p.integratedTime) ||
    !Number.isSafeInteger(p.logIndex) ||
    typeof p.logID !== 'string' ||
    !/^[0-9a-f]{64}$/.test(p.logID)
  ) {
    throw malformed('Rekor bundle annotation lacks its SET, body, integrated time, log index or log ID');
  }
  return doc;
}

function tlogEntry(text: string) {
  const { SignedEntryTimestamp, Payload: p } = parseRekorAnnotation(text);
  let body: { kind?: unknown; apiVersion?: unknown };
  try {
    body = JSON.parse(Buffer.from(p.body, 'base64').toString('utf8')) as typeof body;
  } catch (error) {
    throw malformed('Rekor entry body is not JSON', error);
  }
  return {
    logIndex: String(p.logIndex),
    logId: { keyId: Buffer.from(p.logID, 'hex').toString('base64') },
    kindVersion: { kind: String(body.kind), version: String(body.apiVersion) },
    integratedTime: String(p.integratedTime),
    canonicalizedBody: p.body,
    inclusionPromise: { signedEntryTimestamp: SignedEntryTimestamp },
  };
}

function derOfPem(pem: string): string {
  const match = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(pem);
  if (match?.[1] === undefined) throw malformed('certificate annotation is not a PEM certificate');
  return match[1].replace(/\s+/g, '');
}

/**
 * A `.sig` layer as a Sigstore bundle v0.1 (a SET, no inclusion proof: what cosign's annotation holds), so the
 * same verifier checks it: the key by `keyHint` or the annotation's certificate, the Rekor entry if annotated.
 */
export function toLegacyBundle(layer: SignatureLayer, payload: Uint8Array, keyHint: string): Bundle {
  const material =
    layer.certificate === undefined
      ? { publicKey: { hint: keyHint } }
      : { x509CertificateChain: { certificates: [{ rawBytes: derOfPem(layer.certificate) }] } };
  const doc = {
    mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
    verificationMaterial: {
      ...material,
      tlogEntries: layer.bundle === undefined ? [] : [tlogEntry(layer.bundle)],
      timestampVerificationData: { rfc3161Timestamps: [] },
    },
    messageSignature: {
      messageDigest: { algorithm: 'SHA2_256', digest: createHash('sha256').update(payload).digest('base64') },
      signature: layer.signature,
    },
  };
  try {
    return bundleFromJSON(doc);
  } catch (error) {
    throw malformed('annotations do not form a valid Sigstore bundle', error);
  }
}
