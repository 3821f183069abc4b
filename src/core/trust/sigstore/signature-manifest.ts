import { CosignError } from './cosign-error';

export const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';

export const ANNOTATIONS = {
  signature: 'dev.cosignproject.cosign/signature',
  certificate: 'dev.sigstore.cosign/certificate',
  chain: 'dev.sigstore.cosign/chain',
  bundle: 'dev.sigstore.cosign/bundle',
} as const;

/** One signature of a `.sig` manifest: the payload blob's descriptor and its cosign annotations. */
export interface SignatureLayer {
  digest: string;
  size: number;
  /** Base64 signature over the payload bytes. */
  signature: string;
  certificate?: string;
  chain?: string;
  bundle?: string;
}

/** The tag cosign stores the signatures of `digest` under: `sha256:<hex>` → `sha256-<hex>.sig`. */
export function signatureTag(digest: string): string {
  return `${digest.replace(':', '-')}.sig`;
}

function malformed(what: string): CosignError {
  return new CosignError('COSIGN_MALFORMED_SIGNATURE', `The cosign signature manifest ${what}.`);
}

function toLayer(entry: unknown): SignatureLayer | undefined {
  if (typeof entry !== 'object' || entry === null) throw malformed('has a layer that is not an object');
  const { mediaType, digest, size, annotations } = entry as Record<string, unknown>;
  // Other attachments may share the tag (SIGNATURE_SPEC.md): only simple-signing layers are signatures.
  if (mediaType !== SIMPLE_SIGNING_MEDIA_TYPE) return undefined;
  if (typeof digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(digest))
    throw malformed('names a payload without a sha256 digest');
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
    throw malformed('names a payload without a size');
  const notes = typeof annotations === 'object' && annotations !== null ? (annotations as Record<string, unknown>) : {};
  const signature = notes[ANNOTATIONS.signature];
  if (typeof signature !== 'string' || signature === '')
    throw malformed(`has a payload without ${ANNOTATIONS.signature}`);
  const optional = (key: string) => (typeof notes[key] === 'string' ? (notes[key] as string) : undefined);
  const [certificate, chain, bundle] = [ANNOTATIONS.certificate, ANNOTATIONS.chain, ANNOTATIONS.bundle].map(optional);
  return {
    digest,
    size,
    signature,
    ...(certificate === undefined ? {} : { certificate }),
    ...(chain === undefined ? {} : { chain }),
    ...(bundle === undefined ? {} : { bundle }),
  };
}

/** Reads the verified bytes of a `.sig` manifest into its signature layers; at most `maxSignatures` of them. */
export function parseSignatureManifest(bytes: Uint8Array, maxSignatures: number): SignatureLayer[] {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new CosignError('COSIGN_MALFORMED_SIGNATURE', 'The cosign signature manifest is not JSON.', { cause: error });
  }
  if (typeof doc !== 'object' || doc === null) throw malformed('is not a JSON object');
  const { layers } = doc as Record<string, unknown>;
  if (!Array.isArray(layers)) throw malformed('has no layers');
  if (layers.length > maxSignatures) throw malformed(`has ${layers.length} layers, more than ${maxSignatures}`);
  const found = layers.map(toLayer).filter((layer) => layer !== undefined);
  if (found.length === 0) throw malformed('has no simple-signing layer');
  return found;
}
