import { describe, expect, it } from 'vitest';
import { section, totalCases } from './reference-vectors';

// Which test file runs each section of reference.json; a new upstream section fails here until it is wired in.
const HANDLED_BY: Record<string, string> = {
  parse: 'parse-reference',
  withNameFailure: 'parse-reference',
  withNameDomainAndPath: 'parse-reference',
  jsonFieldRoundTrip: 'parse-reference',
  withTag: 'with-components',
  withDigest: 'with-components',
  invalidComponents: 'with-components + normalize',
  parseNamed: 'normalize',
  parseNormalizedNamedValidity: 'normalize',
  parseNormalizedNamed: 'normalize',
  parseNormalizedTagAndDigest: 'normalize',
  normalizedSplitHostname: 'normalize',
  parseDockerRef: 'normalize',
  parseAnyReference: 'parse-any-reference',
  familiarMatch: 'familiar-match',
  regexpDomainAndPort: 'grammar',
  regexpAnchoredName: 'grammar',
  regexpReference: 'grammar',
  regexpIdentifier: 'grammar',
};

describe('the reference.json vectors', () => {
  it('are all run: every section has a test file and together they hold all 352 cases', () => {
    const handled = Object.keys(HANDLED_BY).reduce((sum, name) => sum + section(name).length, 0);
    expect(handled).toBe(totalCases());
    expect(handled).toBe(352);
  });
});
