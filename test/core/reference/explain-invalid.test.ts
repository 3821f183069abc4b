import { describe, expect, it } from 'vitest';
import { parseNormalizedNamed, parseReference } from '../../../src/core/reference';

function messageOf(result: ReturnType<typeof parseReference>): string {
  if (result.ok) throw new Error('expected a failure');
  expect(result.error).toMatchObject({ code: 'REF_INVALID', kind: 'invalid-format' });
  return result.error.message;
}

// These are the only tests that read message text: the detail after Go's message is the feature under test.
describe('an invalid reference format is explained', () => {
  it('points at a character outside the grammar', () => {
    expect(messageOf(parseReference('aa/asdf$$^/aa'))).toBe(
      'invalid reference format: unexpected character "$" at position 8',
    );
  });

  it('points at an empty path component', () => {
    expect(messageOf(parseReference('docker///docker'))).toContain('"//" at position 7');
    expect(messageOf(parseReference('docker/'))).toContain('ends with "/"');
    expect(messageOf(parseReference('/docker'))).toContain('starts with "/"');
  });

  it('names a badly separated path component', () => {
    expect(messageOf(parseNormalizedNamed('docker/dock..er'))).toContain('path component "dock..er"');
  });

  it('names an invalid tag', () => {
    expect(messageOf(parseReference('foo:-bar'))).toContain('tag "-bar"');
  });

  it('names a malformed digest', () => {
    expect(messageOf(parseReference('foo@sha256:xyz'))).toContain('digest "sha256:xyz"');
  });

  it('names an invalid registry host', () => {
    expect(messageOf(parseReference('foo_bar.com:8080/app'))).toContain('registry host "foo_bar.com:8080"');
    expect(messageOf(parseNormalizedNamed('dock..er/docker'))).toContain('registry host "dock..er"');
  });

  it('says a name is missing before a tag or digest', () => {
    expect(messageOf(parseReference(':tag'))).toContain('missing repository name');
  });

  it('says an IPv6 host needs a path', () => {
    expect(messageOf(parseReference('[::1]:5000'))).toContain('IPv6');
  });
});
