import { describe, expect, it } from 'vitest';
import { keepPlatform, needsPinnedPlatform, type ResolvedTag } from '../../../src/core/pin/keep-platform';
import { MEDIA_TYPES } from '../../../src/core/registry/media-types';

const d = (c: string) => `sha256:${c.repeat(64)}`;
const child = (digest: string, architecture: string, variant?: string) => ({
  os: 'linux',
  architecture,
  ...(variant ? { variant } : {}),
  digest,
  mediaType: MEDIA_TYPES.ociManifest,
  size: 500,
});
const index: ResolvedTag = {
  digest: d('1'),
  mediaType: MEDIA_TYPES.ociIndex,
  platforms: [child(d('2'), 'amd64'), child(d('3'), 'arm64', 'v8'), child(d('4'), 'arm', 'v6')],
};
const single: ResolvedTag = { digest: d('5'), mediaType: MEDIA_TYPES.ociManifest, platforms: [] };

describe('keepPlatform', () => {
  it('pins the index digest when nothing is pinned yet', () => {
    expect(keepPlatform(index)).toEqual({ digest: d('1') });
  });

  it('pins the manifest when the tag is a single-platform image, whatever the old pin was', () => {
    expect(keepPlatform(single, { digest: d('9'), platform: { os: 'linux', architecture: 's390x' } })).toEqual({
      digest: d('5'),
    });
  });

  it('keeps a pin that is one of the index children, and says which platform it is', () => {
    expect(keepPlatform(index, { digest: d('3') })).toEqual({
      digest: d('3'),
      singlePlatform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
    });
  });

  it('pins the index when the old pin was an index too', () => {
    expect(keepPlatform(index, { digest: d('9') })).toEqual({ digest: d('1') });
  });

  it("pins the index's child for the old pin's os, architecture and variant", () => {
    const old = { digest: d('9'), platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } };
    expect(keepPlatform(index, old)).toEqual({ digest: d('3'), singlePlatform: old.platform });
  });

  it("reads an omitted variant as the architecture's usual one, as containerd does", () => {
    const arm64 = { digest: d('9'), platform: { os: 'linux', architecture: 'arm64' } };
    expect(keepPlatform(index, arm64).digest).toBe(d('3'));
    const amd64v1 = { digest: d('9'), platform: { os: 'linux', architecture: 'amd64', variant: 'v1' } };
    expect(keepPlatform(index, amd64v1).digest).toBe(d('2'));
  });

  it.each([
    ['an architecture the index lacks', { os: 'linux', architecture: 's390x' }],
    ['another os', { os: 'windows', architecture: 'amd64' }],
    ['another variant', { os: 'linux', architecture: 'arm', variant: 'v7' }],
    ['no variant where the usual one is not there', { os: 'linux', architecture: 'arm' }],
  ])('fails with PIN_PLATFORM_GONE for %s', (_, platform) => {
    expect(() => keepPlatform(index, { digest: d('9'), platform })).toThrow(
      expect.objectContaining({ code: 'PIN_PLATFORM_GONE' }),
    );
  });

  it('fails with PIN_PLATFORM_GONE for an index that lists no platform at all', () => {
    const bare = { ...index, platforms: [] };
    expect(() => keepPlatform(bare, { digest: d('9'), platform: { os: 'linux', architecture: 'amd64' } })).toThrow(
      expect.objectContaining({ code: 'PIN_PLATFORM_GONE' }),
    );
  });
});

describe('needsPinnedPlatform', () => {
  it('asks only for a pin the index neither is nor lists', () => {
    expect(needsPinnedPlatform(index, d('9'))).toBe(true);
    expect(needsPinnedPlatform(index, undefined)).toBe(false);
    expect(needsPinnedPlatform(index, d('1'))).toBe(false);
    expect(needsPinnedPlatform(index, d('2'))).toBe(false);
    expect(needsPinnedPlatform(single, d('9'))).toBe(false);
  });
});
