import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import type { TransparencyLogEntry } from '@sigstore/bundle';
import { CosignError } from './cosign-error';

type Json = Record<string, unknown>;

const obj = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

// Every verifier a body names, as DER: PEM text (base64 in v0.0.1 bodies) or raw bytes (Rekor v2 bodies).
function bodyVerifiers(body: Json): Buffer[] {
  const spec = obj(body.spec);
  const pem = (b64: unknown) => (str(b64) === undefined ? [] : [derOf(b64 as string)]);
  const raw = (v: unknown) => {
    const bytes = str(obj(obj(v).publicKey).rawBytes) ?? str(obj(obj(v).x509Certificate).rawBytes);
    return bytes === undefined ? [] : [Buffer.from(bytes, 'base64')];
  };
  switch (`${str(body.kind)}/${str(body.apiVersion)}`) {
    case 'hashedrekord/0.0.1':
      return pem(obj(obj(spec.signature).publicKey).content);
    case 'dsse/0.0.1':
      return (Array.isArray(spec.signatures) ? spec.signatures : []).flatMap((s) => pem(obj(s).verifier));
    case 'intoto/0.0.2':
      return (
        Array.isArray(obj(obj(spec.content).envelope).signatures)
          ? (obj(obj(spec.content).envelope).signatures as unknown[])
          : []
      ).flatMap((s) => pem(obj(s).publicKey));
    case 'hashedrekord/0.0.2':
      return raw(obj(obj(spec.hashedRekordV002).signature).verifier);
    case 'dsse/0.0.2':
      return (Array.isArray(obj(spec.dsseV002).signatures) ? (obj(spec.dsseV002).signatures as unknown[]) : []).flatMap(
        (s) => raw(obj(s).verifier),
      );
    default:
      return [];
  }
}

// base64 of PEM (hashedrekord, dsse) or base64 of base64 of PEM (intoto, whose field is encoded twice).
function derOf(b64: string, depth = 0): Buffer {
  const decoded = Buffer.from(b64, 'base64');
  const text = decoded.toString('utf8');
  if (text.startsWith('-----BEGIN')) return fromPem(text);
  return depth === 0 ? derOf(text, 1) : decoded;
}

function fromPem(text: string): Buffer {
  const base64 = text.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
  return Buffer.from(base64, 'base64');
}

function spkiOf(der: Buffer): Buffer | undefined {
  for (const type of ['spki', 'pkcs1'] as const) {
    try {
      return createPublicKey({ key: der, format: 'der', type }).export({ format: 'der', type: 'spki' });
    } catch {
      // Not a bare key in this form: try the next one, then a certificate.
    }
  }
  try {
    // A certificate names its key too: a key-based check of a signature that carries one (cosign --key).
    return new X509Certificate(der).publicKey.export({ format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}

function namesSigner(der: Buffer, signer: { key: KeyObject; certificate?: Uint8Array }): boolean {
  if (signer.certificate !== undefined && der.equals(Buffer.from(signer.certificate))) return true;
  const spki = spkiOf(der);
  return spki !== undefined && spki.equals(signer.key.export({ format: 'der', type: 'spki' }));
}

/**
 * Checks what @sigstore/verify leaves out: each Rekor entry's body must name the signing key (key-based) or the
 * leaf certificate (keyless), so an entry logged by someone else for the same signature bytes cannot vouch.
 */
export function verifyRekorSigner(
  entries: readonly TransparencyLogEntry[],
  signer: { key: KeyObject; certificate?: Uint8Array },
): void {
  for (const entry of entries) {
    let body: Json;
    try {
      body = obj(JSON.parse(Buffer.from(entry.canonicalizedBody).toString('utf8')));
    } catch (error) {
      throw new CosignError('COSIGN_TLOG_MISMATCH', 'A Rekor entry body is not JSON.', { cause: error });
    }
    if (!bodyVerifiers(body).some((der) => namesSigner(der, signer))) {
      const message = `Rekor entry ${entry.logIndex} (${str(body.kind)}) names another key or certificate than the signature's: it does not vouch for this signature.`;
      throw new CosignError('COSIGN_TLOG_MISMATCH', message);
    }
  }
}
