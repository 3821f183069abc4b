import { CosignError } from './cosign-error';

/** One entry of a referrers index: an artifact whose `subject` is the image. */
export interface ReferrerDescriptor {
  mediaType: string;
  digest: string;
  size: number;
  /** The artifact's type (a Sigstore bundle, an SBOM, …); the index carries it so clients filter without fetching. */
  artifactType?: string;
  annotations: Record<string, string>;
}

/** The tag of the referrers tag-schema fallback for `digest`: `sha256:<hex>` → `sha256-<hex>` (OCI 1.1). */
export function referrersTag(digest: string): string {
  return digest.replace(':', '-');
}

function malformed(what: string, cause?: unknown): CosignError {
  const message = `The referrers index ${what}.`;
  return new CosignError('COSIGN_MALFORMED_SIGNATURE', message, cause === undefined ? undefined : { cause });
}

function stringsOf(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function toDescriptor(entry: unknown): ReferrerDescriptor {
  if (typeof entry !== 'object' || entry === null) throw malformed('has an entry that is not an object');
  const { mediaType, digest, size, artifactType, annotations } = entry as Record<string, unknown>;
  if (typeof mediaType !== 'string' || typeof digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(digest))
    throw malformed('has an entry without a media type and a sha256 digest');
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
    throw malformed('has an entry without a size');
  return {
    mediaType,
    digest,
    size,
    ...(typeof artifactType === 'string' ? { artifactType } : {}),
    annotations: stringsOf(annotations),
  };
}

/** Reads a referrers index (from the API or the fallback tag); more than `max` entries are refused. */
export function parseReferrersIndex(bytes: Uint8Array, max: number): ReferrerDescriptor[] {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw malformed('is not JSON', error);
  }
  const manifests = typeof doc === 'object' && doc !== null ? (doc as { manifests?: unknown }).manifests : undefined;
  if (!Array.isArray(manifests)) throw malformed('has no manifests list');
  if (manifests.length > max) throw malformed(`has ${manifests.length} entries, more than ${max}`);
  return manifests.map(toDescriptor);
}
