import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { initializeCA, initializeCTLog, initializeTLog } from '@sigstore/mock';

type CA = Awaited<ReturnType<typeof initializeCA>>;
type CTLog = Awaited<ReturnType<typeof initializeCTLog>>;

/** One entry of the mock Rekor's answer (Rekor's v1 LogEntry; its types package is not installed). */
interface RekorEntry {
  body: string;
  integratedTime: number;
  logID: string;
  logIndex: number;
  verification: {
    signedEntryTimestamp: string;
    inclusionProof: { logIndex: number; rootHash: string; treeSize: number; hashes: string[]; checkpoint: string };
  };
}

/** The Fulcio issuer extension (v2: a DER UTF8String), as Fulcio writes it into every certificate. */
const OID_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';
const REKOR_URL = 'https://rekor.rig.test';
const LONG_AGO = '2020-01-01T00:00:00Z';

type KeyPair = { publicKey: KeyObject; privateKey: KeyObject };
const ecKeys = (): KeyPair => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const spki = (key: KeyObject) => key.export({ format: 'der', type: 'spki' });
const bytesOf = (view: ArrayBufferView) => Buffer.from(view.buffer, view.byteOffset, view.byteLength);
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

/** A Rekor entry as cosign's `dev.sigstore.cosign/bundle` annotation and as a bundle's tlog entry. */
export interface LoggedEntry {
  annotation: string;
  tlogEntry: Record<string, unknown>;
}

/** A private Sigstore instance (Fulcio CA with a CT log, Rekor) from @sigstore/mock, and its trusted root. */
export interface SigstoreAuthority {
  trustedRoot: Record<string, unknown>;
  /** An ephemeral key and a 10-minute Fulcio certificate for `identity` from `issuer` (with an embedded SCT). */
  issue(identity: string, issuer: string): Promise<{ privateKey: KeyObject; certificate: Buffer; pem: string }>;
  /** Logs a Rekor entry body (hashedrekord, or dsse in real Rekor's shape) and returns it with SET and proof. */
  log(body: Record<string, unknown>): Promise<LoggedEntry>;
}

function logKey(key: Buffer, logId: Uint8Array) {
  const publicKey = { rawBytes: b64(key), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start: LONG_AGO } };
  return { baseUrl: REKOR_URL, hashAlgorithm: 'SHA2_256', publicKey, logId: { keyId: b64(logId) } };
}

function trustedRootOf(ca: CA, ctlog: CTLog, rekorKey: Buffer) {
  return {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [logKey(rekorKey, createHash('sha256').update(rekorKey).digest())],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: 'https://fulcio.rig.test',
        certChain: { certificates: [{ rawBytes: b64(bytesOf(ca.rootCertificate)) }] },
        validFor: { start: LONG_AGO },
      },
    ],
    ctlogs: [logKey(ctlog.publicKey, bytesOf(ctlog.logID))],
    timestampAuthorities: [],
  };
}

// The mock log's time is fixed when it is made: one per entry, a second ahead, so the integrated time (whole
// seconds) is never before a certificate issued just now (SIGNATURE-NOTES §10.3).
async function logEntry(rekor: KeyPair, body: Record<string, unknown>): Promise<LoggedEntry> {
  const clock = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000);
  const tlog = await initializeTLog(REKOR_URL, rekor, clock);
  const [entry] = Object.values(await tlog.log(body)) as RekorEntry[];
  if (entry === undefined) throw new Error('the mock Rekor logged nothing');
  const proof = entry.verification.inclusionProof;
  const annotation = {
    SignedEntryTimestamp: entry.verification.signedEntryTimestamp,
    Payload: { body: entry.body, integratedTime: entry.integratedTime, logIndex: entry.logIndex, logID: entry.logID },
  };
  const tlogEntry = {
    logIndex: String(entry.logIndex),
    logId: { keyId: b64(Buffer.from(entry.logID, 'hex')) },
    kindVersion: { kind: String(body.kind), version: String(body.apiVersion) },
    integratedTime: String(entry.integratedTime),
    inclusionPromise: { signedEntryTimestamp: entry.verification.signedEntryTimestamp },
    inclusionProof: {
      logIndex: String(proof.logIndex),
      rootHash: b64(Buffer.from(proof.rootHash, 'hex')),
      treeSize: String(proof.treeSize),
      hashes: proof.hashes,
      checkpoint: { envelope: proof.checkpoint },
    },
    canonicalizedBody: entry.body,
  };
  return { annotation: JSON.stringify(annotation), tlogEntry };
}

/** Starts nothing: the CA, CT log and Rekor are in-process signers (no HTTP), as @sigstore/mock makes them. */
export async function createSigstoreAuthority(): Promise<SigstoreAuthority> {
  const rekor = ecKeys();
  const ctlog = await initializeCTLog(ecKeys());
  const ca = await initializeCA(ecKeys(), ctlog);
  return {
    trustedRoot: trustedRootOf(ca, ctlog, spki(rekor.publicKey)),
    async issue(identity, issuer) {
      const { privateKey, publicKey } = ecKeys();
      const extensions = [{ oid: OID_ISSUER_V2, value: issuer }];
      const view = await ca.issueCertificate({ publicKey: spki(publicKey), subjectAltName: identity, extensions });
      const certificate = bytesOf(view);
      const lines = b64(certificate).match(/.{1,64}/g) ?? [];
      return {
        privateKey,
        certificate,
        pem: `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`,
      };
    },
    log: (body) => logEntry(rekor, body),
  };
}
