import { describe, expect, it } from 'vitest';
import { parseIgnoreComments } from '../../../src/core/policy';
import { ignoresFor } from '../../../src/core/policy/ignore-comments';
import { scanDocument } from '../../../src/core/features/scan-document';

describe('parseIgnoreComments', () => {
  it('reads codes and the reason after --', () => {
    const [comment] = parseIgnoreComments(
      '# image-trust: ignore IMAGE_UNPINNED, COSIGN_NOT_SIGNED -- base image is rebuilt nightly\n',
    );
    expect(comment).toMatchObject({
      codes: ['IMAGE_UNPINNED', 'COSIGN_NOT_SIGNED'],
      reason: 'base image is rebuilt nightly',
      ownLine: true,
      range: { line: 1, column: 1 },
    });
  });

  it('keeps a comment without a reason, with no reason', () => {
    expect(parseIgnoreComments('#image-trust: ignore IMAGE_UNPINNED\n')[0]).not.toHaveProperty('reason');
    expect(parseIgnoreComments('# image-trust: ignore IMAGE_UNPINNED --   \n')[0]).not.toHaveProperty('reason');
  });

  it('finds nothing in ordinary comments', () => {
    expect(parseIgnoreComments('# image-trust is great\n# ignore IMAGE_UNPINNED -- x\n')).toEqual([]);
  });
});

describe('ignoresFor', () => {
  it('applies a comment on the line above a Dockerfile reference, not two lines above', () => {
    const text = '# image-trust: ignore IMAGE_UNPINNED -- a\nFROM alpine:3.19\n\nFROM busybox\n';
    const [first, second] = scanDocument(text, 'dockerfile', '/w/Dockerfile').refs;
    const comments = parseIgnoreComments(text);
    expect(first && ignoresFor(first, comments)).toHaveLength(1);
    expect(second && ignoresFor(second, comments)).toEqual([]);
  });

  it('applies a comment at the end of a compose image line', () => {
    const text = 'services:\n  web:\n    image: nginx:1.27 # image-trust: ignore IMAGE_UNPINNED -- test only\n';
    const [ref] = scanDocument(text, 'compose', '/w/compose.yaml').refs;
    expect(ref && ignoresFor(ref, parseIgnoreComments(text))).toMatchObject([{ reason: 'test only' }]);
  });
});
