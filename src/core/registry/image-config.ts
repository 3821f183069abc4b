import { parseDigest } from './digest';
import { RegistryError } from './registry-error';

/** What an image runs on, as its config says (OCI image-spec config.md: `os`, `architecture`, `variant`). */
export interface ImagePlatform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface ConfigDescriptor {
  digest: string;
  mediaType: string;
  size: number;
}

/** The `config` descriptor of a single-platform manifest's verified bytes. */
export function parseConfigDescriptor(manifestBytes: Uint8Array, registry: string): ConfigDescriptor {
  const config = parseObject(manifestBytes, (cause) =>
    invalidManifest(registry, 'an image manifest that is not a JSON object', cause),
  ).config;
  const { digest, mediaType, size } = (typeof config === 'object' && config !== null ? config : {}) as Record<
    string,
    unknown
  >;
  if (typeof digest !== 'string' || parseDigest(digest) === undefined || typeof mediaType !== 'string') {
    throw invalidManifest(registry, 'an image manifest without a valid config descriptor');
  }
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    throw invalidManifest(registry, 'a config descriptor without a valid size');
  }
  return { digest, mediaType, size };
}

/** The platform in an image config's verified bytes; a config without `os` and `architecture` is invalid. */
export function parseImagePlatform(configBytes: Uint8Array, registry: string): ImagePlatform {
  const invalid = (cause?: unknown) =>
    new RegistryError(
      'REGISTRY_INVALID_CONFIG',
      `${registry} sent an image config without an os and architecture.`,
      { registry },
      cause,
    );
  const platform = configPlatform(parseObject(configBytes, invalid));
  if (platform === undefined) throw invalid();
  return platform;
}

/** The platform a parsed image config names; `undefined` without a non-empty `os` and `architecture`. */
export function configPlatform(config: Record<string, unknown>): ImagePlatform | undefined {
  const { os, architecture, variant } = config;
  if (typeof os !== 'string' || os === '' || typeof architecture !== 'string' || architecture === '') return undefined;
  return typeof variant === 'string' && variant !== '' ? { os, architecture, variant } : { os, architecture };
}

function invalidManifest(registry: string, what: string, cause?: unknown): RegistryError {
  return new RegistryError('REGISTRY_INVALID_MANIFEST', `${registry} sent ${what}.`, { registry }, cause);
}

function parseObject(bytes: Uint8Array, invalid: (cause?: unknown) => RegistryError): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw invalid(error);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw invalid();
  return doc as Record<string, unknown>;
}
