import { describe, expect, it } from 'vitest';
import {
  familiarName,
  familiarString,
  parseDockerRef,
  parseNamed,
  parseNormalizedNamed,
  referenceString,
  splitDockerDomain,
} from '../../../src/core/reference';
import { KIND_OF, section, upstreamMessage } from './reference-vectors';

describe('parseNormalizedNamed (Go ParseNormalizedNamed)', () => {
  describe('accepts or rejects names as Docker does', () => {
    it.each(section('parseNormalizedNamedValidity'))('$input → ok $ok', (vector) => {
      expect(parseNormalizedNamed(vector.input).ok).toBe(vector.ok);
    });
  });

  describe('gives the full name, the familiar name, the domain and the path', () => {
    it.each(section('parseNormalizedNamed'))('$input → $normalized', (vector) => {
      const result = parseNormalizedNamed(vector.input);
      if (!result.ok) throw result.error;
      expect(referenceString(result.value)).toBe(vector.normalized);
      expect(familiarName(result.value)).toBe(vector.familiar);
      expect(result.value).toEqual({ domain: vector.domain, path: vector.path });
    });
  });

  it.each(section('parseNormalizedTagAndDigest'))('keeps both tag and digest of $input', (vector) => {
    const result = parseNormalizedNamed(vector.input);
    if (!result.ok) throw result.error;
    expect(referenceString(result.value)).toBe(vector.normalized);
    expect(familiarString(result.value)).toBe(vector.familiar);
    expect(result.value).toMatchObject({ tag: vector.tag, digest: vector.digest });
  });

  it.each(section('invalidComponents').filter((v) => v.op === 'ParseNormalizedNamed'))('rejects $input', (vector) => {
    expect(parseNormalizedNamed(vector.input)).toMatchObject({ ok: false, error: { code: 'REF_INVALID' } });
  });

  it.each(section('normalizedSplitHostname'))('splits $input into $domain and $path', (vector) => {
    expect(parseNormalizedNamed(vector.input)).toEqual({
      ok: true,
      value: { domain: vector.domain, path: vector.path },
    });
  });

  describe('when the input cannot be a name', () => {
    it('refuses a 64-hex image ID with invalid-format', () => {
      expect(parseNormalizedNamed('a'.repeat(64))).toMatchObject({ ok: false, error: { kind: 'invalid-format' } });
    });

    it('reports upper case in the repository path as name-contains-uppercase', () => {
      const result = parseNormalizedNamed('docker/Docker');
      expect(result).toMatchObject({ ok: false, error: { kind: 'name-contains-uppercase' } });
    });

    it('explains an invalid format against the text as written, not the normalized one', () => {
      const result = parseNormalizedNamed('dock..er/docker');
      expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-format', input: 'dock..er/docker' } });
    });
  });
});

describe('parseNamed (Go ParseNamed)', () => {
  it.each(section('parseNamed'))('$input → ok $ok', (vector) => {
    const result = parseNamed(vector.input);
    if (!vector.ok) {
      expect(result).toMatchObject({ ok: false, error: { kind: KIND_OF[vector.errName ?? ''] } });
      if (!result.ok) expect(result.error.message.startsWith(upstreamMessage(vector.errName ?? ''))).toBe(true);
      return;
    }
    expect(result).toEqual({ ok: true, value: { domain: vector.domain, path: vector.path } });
  });
});

describe('parseDockerRef (Go ParseDockerRef)', () => {
  it.each(section('parseDockerRef'))('$name: $input → $expected', (vector) => {
    const result = parseDockerRef(vector.input);
    if (!result.ok) throw result.error;
    expect(referenceString(result.value)).toBe(vector.expected);
  });
});

describe('splitDockerDomain', () => {
  it('sends a one-component name to docker.io/library', () => {
    expect(splitDockerDomain('ubuntu')).toEqual({ domain: 'docker.io', remainder: 'library/ubuntu' });
  });

  it('rewrites index.docker.io to docker.io', () => {
    expect(splitDockerDomain('index.docker.io/foo')).toEqual({ domain: 'docker.io', remainder: 'library/foo' });
  });

  it('keeps localhost, hosts with a dot or a port, and upper-case first components as the domain', () => {
    expect(splitDockerDomain('localhost/a').domain).toBe('localhost');
    expect(splitDockerDomain('[::1]:5000/a').domain).toBe('[::1]:5000');
    expect(splitDockerDomain('Foo/a').domain).toBe('Foo');
    expect(splitDockerDomain('foo/a').domain).toBe('docker.io');
  });
});
