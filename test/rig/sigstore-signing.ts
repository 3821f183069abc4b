import { createHash, sign, type KeyObject } from 'node:crypto';
import type { LoggedEntry, SigstoreAuthority } from './sigstore-authority';

/** Who signs: a long-lived key (its public half is what `--key` gets), or keyless with a Fulcio certificate. */
export type RigSigner =
  { kind: 'key'; privateKey: KeyObject; publicKey: KeyObject } | { kind: 'keyless'; identity: string; issuer: string };

const IN_TOTO = 'application/vnd.in-toto+json';
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

interface SigningKey {
  privateKey: KeyObject;
  /** The verifier as Rekor records it: a PEM public key or certificate. */
  verifierPem: string;
  /** The bundle's verification material. */
  material: Record<string, unknown>;
}

async function signingKey(authority: SigstoreAuthority, signer: RigSigner): Promise<SigningKey> {
  if (signer.kind === 'key') {
    const verifierPem = signer.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    return { privateKey: signer.privateKey, verifierPem, material: { publicKey: { hint: '' } } };
  }
  const issued = await authority.issue(signer.identity, signer.issuer);
  const material = { certificate: { rawBytes: b64(issued.certificate) } };
  return { privateKey: issued.privateKey, verifierPem: issued.pem, material };
}

function hashedrekord(payload: Uint8Array, signature: Buffer, verifierPem: string) {
  return {
    apiVersion: '0.0.1',
    kind: 'hashedrekord',
    spec: {
      data: { hash: { algorithm: 'sha256', value: hex(payload) } },
      signature: { content: b64(signature), publicKey: { content: b64(verifierPem) } },
    },
  };
}

/**
 * The annotations of a cosign `.sig` layer over `payload`: signature, certificate (keyless) and the Rekor bundle
 * of a hashedrekord entry; `entry` replaces the logged entry (a Rekor bundle that belongs to something else).
 */
export async function legacySignature(
  authority: SigstoreAuthority,
  payload: Uint8Array,
  signer: RigSigner,
  entry?: LoggedEntry,
): Promise<Record<string, string>> {
  const key = await signingKey(authority, signer);
  const signature = sign('sha256', payload, key.privateKey);
  const logged = entry ?? (await authority.log(hashedrekord(payload, signature, key.verifierPem)));
  return {
    'dev.cosignproject.cosign/signature': b64(signature),
    ...(signer.kind === 'keyless' ? { 'dev.sigstore.cosign/certificate': key.verifierPem } : {}),
    'dev.sigstore.cosign/bundle': logged.annotation,
  };
}

const pae = (type: string, body: Buffer) =>
  Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(type)} ${type} ${body.length} `), body]);

function bundle(key: SigningKey, logged: LoggedEntry, content: Record<string, unknown>): Buffer {
  const verificationMaterial = {
    ...key.material,
    tlogEntries: [logged.tlogEntry],
    timestampVerificationData: { rfc3161Timestamps: [] },
  };
  const doc = { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', verificationMaterial, ...content };
  return Buffer.from(JSON.stringify(doc));
}

/** cosign v3's signature: a v0.3 bundle with a DSSE envelope around an in-toto statement, logged as real Rekor does. */
export async function dsseBundle(authority: SigstoreAuthority, statement: object, signer: RigSigner): Promise<Buffer> {
  const key = await signingKey(authority, signer);
  const payload = Buffer.from(JSON.stringify(statement));
  const signature = sign('sha256', pae(IN_TOTO, payload), key.privateKey);
  const envelope = { payload: b64(payload), payloadType: IN_TOTO, signatures: [{ sig: b64(signature), keyid: '' }] };
  // Real Rekor's dsse body (the mock would log the request verbatim; SIGNATURE-NOTES §10.3).
  const logged = await authority.log({
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: hex(JSON.stringify(envelope)) },
      payloadHash: { algorithm: 'sha256', value: hex(payload) },
      signatures: [{ signature: b64(signature), verifier: b64(key.verifierPem) }],
    },
  });
  return bundle(key, logged, { dsseEnvelope: envelope });
}

/** A v0.3 bundle with a message signature over `artifact` (an image manifest's bytes). */
export async function messageBundle(
  authority: SigstoreAuthority,
  artifact: Buffer,
  signer: RigSigner,
): Promise<Buffer> {
  const key = await signingKey(authority, signer);
  const signature = sign('sha256', artifact, key.privateKey);
  const logged = await authority.log(hashedrekord(artifact, signature, key.verifierPem));
  const messageDigest = { algorithm: 'SHA2_256', digest: createHash('sha256').update(artifact).digest('base64') };
  return bundle(key, logged, { messageSignature: { messageDigest, signature: b64(signature) } });
}

/** cosign's signature statement for an image: subject = the image digest, predicate type cosign/sign/v1. */
export function cosignStatement(repository: string, digest: string): object {
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: repository, digest: { sha256: digest.replace('sha256:', '') } }],
    predicateType: 'https://sigstore.dev/cosign/sign/v1',
    predicate: {},
  };
}
