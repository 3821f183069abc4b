import { describe, expect, it } from 'vitest';
import {
  ANCHORED_DOMAIN_AND_PORT,
  ANCHORED_IDENTIFIER,
  ANCHORED_NAME,
  ANCHORED_REFERENCE,
  ANCHORED_TAG,
} from '../../../src/core/reference';
import { section, title } from './reference-vectors';

describe('the grammar regexps (Go regexp.go)', () => {
  describe('domain and port', () => {
    it.each(section('regexpDomainAndPort'))('$input → $match', (vector) => {
      expect(ANCHORED_DOMAIN_AND_PORT.test(vector.input)).toBe(vector.match);
    });
  });

  describe('anchored name', () => {
    it.each(section('regexpAnchoredName').map((v) => ({ ...v, shown: title(v.input) })))('$shown → $match', (v) => {
      const match = ANCHORED_NAME.exec(v.input);
      expect(match !== null).toBe(v.match);
      if (match && v.domain !== undefined) expect([match[1] ?? '', match[2]]).toEqual([v.domain, v.path]);
    });
  });

  describe('reference', () => {
    it.each(section('regexpReference'))('$input → $match', (vector) => {
      const match = ANCHORED_REFERENCE.exec(vector.input);
      expect(match !== null).toBe(vector.match);
      if (match) expect([match[1], match[2] ?? '', match[3] ?? '']).toEqual([vector.name, vector.tag, vector.digest]);
    });
  });

  describe('identifier', () => {
    it.each(section('regexpIdentifier'))('$input → $match', (vector) => {
      expect(ANCHORED_IDENTIFIER.test(vector.input)).toBe(vector.match);
    });
  });

  describe('tag', () => {
    it('allows 128 characters and no more', () => {
      expect(ANCHORED_TAG.test('a'.repeat(128))).toBe(true);
      expect(ANCHORED_TAG.test('a'.repeat(129))).toBe(false);
    });

    it('does not start with a dot or a hyphen', () => {
      expect(ANCHORED_TAG.test('.a')).toBe(false);
      expect(ANCHORED_TAG.test('-a')).toBe(false);
      expect(ANCHORED_TAG.test('_a.B-1')).toBe(true);
    });
  });
});
