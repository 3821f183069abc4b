import { describe, expect, it } from 'vitest';
import { sarifReport } from '../../src/cli/sarif-report';
import { scanDocument } from '../../src/core/features/scan-document';
import { DEFAULT_POLICY, judge, parseIgnoreComments } from '../../src/core/policy';
import { sarifErrors } from './check-sarif-validator';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const TEXT = `FROM alpine:3.19\n# image-trust: ignore IMAGE_UNPINNED -- rebuilt nightly\nFROM busybox:1.36\nFROM Ubuntu\n`;

function findings(file = '/w/sub dir/Dockerfile') {
  const refs = scanDocument(TEXT, 'dockerfile', file).refs;
  const resolution = (ref: (typeof refs)[number]) =>
    ref.reference
      ? {
          kind: 'resolved' as const,
          resolution: { reference: ref.reference, digest: DIGEST, mediaType: 'm', size: 1, platforms: [] },
        }
      : undefined;
  const comments = parseIgnoreComments(TEXT);
  return judge({
    refs,
    resolutionOf: resolution,
    policy: DEFAULT_POLICY,
    ignoreComments: () => comments,
    referenceTime: 0,
  });
}

describe('sarifReport', () => {
  const log = JSON.parse(sarifReport(findings(), '/w'));
  const [run] = log.runs;

  it('is valid SARIF 2.1.0 for the parts it uses', () => {
    expect(sarifErrors(log)).toEqual([]);
  });

  it('names one rule per finding code and points each result at its rule', () => {
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['IMAGE_UNPINNED', 'REF_INVALID']);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
  });

  it('places results at the reference ranges, 1-based with an exclusive end column, relative to %SRCROOT%', () => {
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'sub%20dir/Dockerfile', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 6, endLine: 1, endColumn: 17 },
    });
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///w/');
  });

  it('maps severities to levels and carries suppressions and pin fixes', () => {
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['warning', 'warning', 'error']);
    expect(run.results[1].suppressions).toEqual([{ kind: 'inSource', justification: 'rebuilt nightly' }]);
    expect(run.results[0].fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe(
      `alpine:3.19@${DIGEST}`,
    );
  });

  it('uses an absolute file URI outside the working directory', () => {
    const outside = JSON.parse(sarifReport(findings('/elsewhere/Dockerfile'), '/w'));
    expect(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'file:///elsewhere/Dockerfile',
    });
  });
});

describe('the SARIF validator', () => {
  it('rejects what the schema rejects', () => {
    const bad = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: {} },
          results: [
            { level: 'info', message: {}, locations: [{ physicalLocation: { region: { startLine: 0 } } }], extra: 1 },
          ],
        },
      ],
    };
    expect(sarifErrors(bad)).toEqual([
      '$.runs[0].tool.driver: name is required',
      "$.runs[0].results[0].level: 'info' is not one of none, note, warning, error",
      '$.runs[0].results[0].message: needs one of text | id',
      '$.runs[0].results[0].locations[0].physicalLocation: needs one of artifactLocation',
      '$.runs[0].results[0].locations[0].physicalLocation.region.startLine: below 1',
      '$.runs[0].results[0]: extra is not allowed (additionalProperties: false)',
    ]);
  });
});
