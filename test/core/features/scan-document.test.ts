import { describe, expect, it } from 'vitest';
import { documentKind, scanDocument } from '../../../src/core/features/scan-document';
import { parseDotenv } from '../../../src/core/scan/compose';

describe('documentKind', () => {
  it('takes the language first, then the file name', () => {
    expect(documentKind('dockercompose', '/w/stack.yaml')).toBe('compose');
    expect(documentKind('dockerfile', '/w/build.txt')).toBe('dockerfile');
    expect(documentKind('yaml', '/w/compose.yaml')).toBe('compose');
    expect(documentKind('plaintext', '/w/Containerfile')).toBe('dockerfile');
    expect(documentKind('yaml', '/w/values.yaml')).toBeNull();
  });
});

describe('scanDocument', () => {
  it('scans an unsaved Dockerfile buffer with ranges in its text', () => {
    const { refs } = scanDocument('FROM alpine:3.19\nCOPY --from=busybox:1 / /\n', 'dockerfile', '/w/Dockerfile');
    expect(refs.map((ref) => [ref.kind, ref.text, ref.range.line])).toEqual([
      ['from', 'alpine:3.19', 1],
      ['copy-from', 'busybox:1', 2],
    ]);
    expect(refs[0]?.file).toBe('/w/Dockerfile');
  });

  it('expands compose variables from the .env given', () => {
    const dotenv = { file: '/w/.env', values: parseDotenv('TAG=3.19\n', () => undefined).values };
    const { refs } = scanDocument('services:\n  a:\n    image: alpine:${TAG}\n', 'compose', '/w/compose.yaml', {
      dotenv,
    });
    expect(refs[0]?.expanded).toBe('alpine:3.19');
  });
});
