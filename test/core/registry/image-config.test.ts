import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfigDescriptor, parseImagePlatform } from '../../../src/core/registry/image-config';
import { MEDIA_TYPES } from '../../../src/core/registry/media-types';

interface SpecVectors {
  specExamples: { cases: { file: string; mediaType: string; body: string }[] };
}

const vectors = JSON.parse(
  readFileSync(new URL('../../../../shared/peer-data/oci/image-spec/image-spec-vectors.json', import.meta.url), 'utf8'),
) as SpecVectors;
const example = (file: string, mediaType: string) => {
  const found = vectors.specExamples.cases.find((c) => c.file === file && c.mediaType === mediaType);
  if (!found) throw new Error(`no ${mediaType} example in ${file}`);
  return found.body;
};
const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

describe('parseConfigDescriptor', () => {
  it("reads the spec manifest's config descriptor", () => {
    const body = example('manifest.md', MEDIA_TYPES.ociManifest);
    const config = (JSON.parse(body) as { config: { digest: string; size: number } }).config;
    expect(parseConfigDescriptor(bytes(body), 'reg.test')).toEqual({
      digest: config.digest,
      mediaType: 'application/vnd.oci.image.config.v1+json',
      size: config.size,
    });
  });

  it.each([
    ['not JSON', '{'],
    ['without a config', { schemaVersion: 2, layers: [] }],
    ['with a malformed config digest', { config: { mediaType: 'x', digest: 'sha256:abc', size: 1 } }],
    ['with a negative config size', { config: { mediaType: 'x', digest: `sha256:${'a'.repeat(64)}`, size: -1 } }],
  ])('fails with REGISTRY_INVALID_MANIFEST for a manifest %s', (_, doc) => {
    expect(() => parseConfigDescriptor(bytes(doc), 'reg.test')).toThrow(
      expect.objectContaining({ code: 'REGISTRY_INVALID_MANIFEST' }),
    );
  });
});

describe('parseImagePlatform', () => {
  it("reads the spec config's os and architecture", () => {
    const body = example('config.md', 'application/vnd.oci.image.config.v1+json');
    expect(parseImagePlatform(bytes(body), 'reg.test')).toEqual({ os: 'linux', architecture: 'amd64' });
  });

  it('keeps the variant when there is one, and drops an empty one', () => {
    const arm = { os: 'linux', architecture: 'arm64', variant: 'v8' };
    expect(parseImagePlatform(bytes(arm), 'reg.test')).toEqual(arm);
    expect(parseImagePlatform(bytes({ ...arm, variant: '' }), 'reg.test')).toEqual({
      os: 'linux',
      architecture: 'arm64',
    });
  });

  it.each([
    ['not JSON', '\u00ff'],
    ['an array', []],
    ['without an os', { architecture: 'amd64' }],
    ['with an empty architecture', { os: 'linux', architecture: '' }],
  ])('fails with REGISTRY_INVALID_CONFIG for a config %s', (_, doc) => {
    expect(() => parseImagePlatform(bytes(doc), 'reg.test')).toThrow(
      expect.objectContaining({ code: 'REGISTRY_INVALID_CONFIG' }),
    );
  });
});
