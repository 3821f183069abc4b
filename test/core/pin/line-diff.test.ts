import { describe, expect, it } from 'vitest';
import { lineDiff } from '../../../src/core/pin/line-diff';

describe('lineDiff', () => {
  it('prints one hunk per run of changed lines', () => {
    const before = 'FROM a\nRUN x\nFROM b\nFROM c\n';
    const after = 'FROM a@sha256:1\nRUN x\nFROM b@sha256:2\nFROM c@sha256:3\n';
    expect(lineDiff('Dockerfile', before, after)).toBe(
      [
        '--- a/Dockerfile',
        '+++ b/Dockerfile',
        '@@ -1,1 +1,1 @@',
        '-FROM a',
        '+FROM a@sha256:1',
        '@@ -3,2 +3,2 @@',
        '-FROM b',
        '-FROM c',
        '+FROM b@sha256:2',
        '+FROM c@sha256:3',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing when nothing changed', () => {
    expect(lineDiff('x', 'a\nb', 'a\nb')).toBe('');
  });
});
