import { describe, expect, it } from 'vitest';
import type { CheckRun } from '../../src/cli/check-pipeline';
import { checkReportText } from '../../src/cli/check-report-text';
import { terminalStyle } from '../../src/cli/terminal-style';
import { scanDocument } from '../../src/core/features/scan-document';
import { DEFAULT_POLICY, judge } from '../../src/core/policy';

const refs = [
  ...scanDocument('FROM alpine:3.19\nFROM Bad\n', 'dockerfile', '/w/a/Dockerfile').refs,
  ...scanDocument('services:\n  x:\n    image: redis:7\n', 'compose', '/w/compose.yaml').refs,
];
const failed = { kind: 'failed', code: 'REGISTRY_NETWORK', message: 'no route' } as const;
const findings = judge({ refs, resolutionOf: () => failed, policy: DEFAULT_POLICY, referenceTime: 0 });
const incomplete = refs
  .filter((ref) => ref.reference)
  .map((ref) => ({ ref, code: 'REGISTRY_NETWORK', message: 'Could not reach registry-1.docker.io.' }));
const run = {
  scan: { references: refs, errors: [], files: 2 },
  findings,
  incomplete,
} as unknown as CheckRun;

describe('checkReportText', () => {
  const text = checkReportText(run, '/w', terminalStyle(false, {}), []);

  it('groups findings by file in path order, then by line', () => {
    expect(text.indexOf('a/Dockerfile\n')).toBeLessThan(text.indexOf('compose.yaml\n'));
    expect(text).toMatch(
      /a\/Dockerfile\n {2}1:6 +info +REGISTRY_NETWORK[^\n]*\n {2}1:6 +warning +IMAGE_UNPINNED[^\n]*\n {2}2:6 +error +REF_INVALID/,
    );
  });

  it('says once per cause what could not complete', () => {
    expect(text).toContain('incomplete  Could not reach registry-1.docker.io. [REGISTRY_NETWORK] (2 references)');
    expect(text.match(/incomplete/g)).toHaveLength(1);
  });

  it('ends with the totals', () => {
    expect(text.trimEnd().split('\n').at(-1)).toBe('3 references checked: 1 error, 2 warnings, 2 information');
  });

  it('colours only for a terminal without NO_COLOR', () => {
    expect(text).not.toContain('\u001b[');
    expect(checkReportText(run, '/w', terminalStyle(true, {}), [])).toContain('\u001b[31m');
    expect(checkReportText(run, '/w', terminalStyle(true, { NO_COLOR: '1' }), [])).not.toContain('\u001b[');
  });
});
