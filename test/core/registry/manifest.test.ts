import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/core/registry/manifest';
import { manifestKind, MEDIA_TYPES } from '../../../src/core/registry/media-types';

interface SpecVectors {
  specExamples: { cases: { file: string; mediaType: string; body: string }[] };
  mediaTypes: { cases: { mediaType: string }[] };
}

const vectors = JSON.parse(
  readFileSync(new URL('../../../../shared/peer-data/oci/image-spec/image-spec-vectors.json', import.meta.url), 'utf8'),
) as SpecVectors;
const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const examples = (mediaType: string) => vectors.specExamples.cases.filter((c) => c.mediaType === mediaType);

describe('parseManifest', () => {
  describe.each(examples(MEDIA_TYPES.ociIndex).filter((c) => c.file === 'image-index.md'))(
    'for the spec index',
    (c) => {
      it('lists the children that declare a platform', () => {
        const parsed = parseManifest(bytes(c.body), undefined, 'reg.test');
        expect(parsed.kind).toBe('index');
        expect(parsed.platforms).toContainEqual({
          os: 'linux',
          architecture: 'ppc64le',
          digest: 'sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f',
          mediaType: MEDIA_TYPES.ociManifest,
          size: 7143,
        });
        const documented = (JSON.parse(c.body) as { manifests: { platform?: unknown }[] }).manifests;
        expect(parsed.platforms).toHaveLength(documented.filter((m) => m.platform !== undefined).length);
      });
    },
  );

  describe.each(examples(MEDIA_TYPES.ociManifest))('for the spec manifest', (c) => {
    it('is a manifest without platforms', () => {
      expect(parseManifest(bytes(c.body), undefined, 'reg.test')).toEqual({
        mediaType: MEDIA_TYPES.ociManifest,
        kind: 'manifest',
        platforms: [],
      });
    });
  });

  it('keeps the variant', () => {
    const index = {
      mediaType: MEDIA_TYPES.dockerList,
      manifests: [
        {
          mediaType: MEDIA_TYPES.dockerManifest,
          size: 1,
          digest: `sha256:${'a'.repeat(64)}`,
          platform: { os: 'linux', architecture: 'arm', variant: 'v7' },
        },
      ],
    };
    expect(parseManifest(bytes(index), undefined, 'r').platforms[0]).toMatchObject({ variant: 'v7' });
  });

  it('takes the media type from Content-Type when the document has none (umoci)', () => {
    const parsed = parseManifest(bytes({ schemaVersion: 2, layers: [] }), MEDIA_TYPES.ociManifest, 'r');
    expect(parsed.mediaType).toBe(MEDIA_TYPES.ociManifest);
  });

  it.each([
    ['schema 1', 'application/vnd.docker.distribution.manifest.v1+prettyjws'],
    ['no type at all', undefined],
  ])('reports %s as REGISTRY_UNKNOWN_MEDIA_TYPE', (_name, type) => {
    expect(() => parseManifest(bytes({ schemaVersion: 1 }), type, 'r')).toThrow(
      expect.objectContaining({ code: 'REGISTRY_UNKNOWN_MEDIA_TYPE' }),
    );
  });

  it.each([
    ['not JSON', '{'],
    ['an index without manifests', JSON.stringify({ mediaType: MEDIA_TYPES.ociIndex })],
    [
      'a bad child digest',
      JSON.stringify({ mediaType: MEDIA_TYPES.ociIndex, manifests: [{ mediaType: 'x', size: 1, digest: 'md5:x' }] }),
    ],
    [
      'a negative size',
      JSON.stringify({
        mediaType: MEDIA_TYPES.ociIndex,
        manifests: [{ mediaType: 'x', size: -1, digest: `sha256:${'a'.repeat(64)}` }],
      }),
    ],
  ])('reports %s as REGISTRY_INVALID_MANIFEST', (_name, text) => {
    expect(() => parseManifest(bytes(text), undefined, 'r')).toThrow(
      expect.objectContaining({ code: 'REGISTRY_INVALID_MANIFEST' }),
    );
  });
});

describe('manifestKind', () => {
  it('knows only the index and manifest types of the spec and Docker v2', () => {
    const known = vectors.mediaTypes.cases.map((c) => c.mediaType).filter((t) => manifestKind(t) !== undefined);
    expect(known.sort()).toEqual([MEDIA_TYPES.ociIndex, MEDIA_TYPES.ociManifest].sort());
    expect(manifestKind(MEDIA_TYPES.dockerList)).toBe('index');
    expect(manifestKind(MEDIA_TYPES.dockerManifest)).toBe('manifest');
  });
});
