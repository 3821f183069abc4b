import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChallengeStore, endpointKey, parseChallenges } from '../../../src/core/registry/challenge';

interface AuthVectors {
  parseChallenge: { cases: { header: string; scheme: string; params: Record<string, string> }[] };
  challengeManager: {
    cases: {
      requestURL: string;
      header?: string;
      headers?: string[];
      lookupURL?: string;
      expectedServices?: string[];
    }[];
  };
}

const vectors = JSON.parse(
  readFileSync(new URL('../../../../shared/peer-data/oci/distribution/auth-vectors.json', import.meta.url), 'utf8'),
) as AuthVectors;

describe('parseChallenges', () => {
  describe.each(vectors.parseChallenge.cases)('for $header', ({ header, scheme, params }) => {
    it('yields the scheme in lower case and the unescaped parameters', () => {
      expect(parseChallenges([header])).toEqual([{ scheme, params }]);
    });
  });

  it('reads several challenges in one header value', () => {
    const header = 'Bearer realm="https://a/token",service="a", Basic realm="b", Negotiate';
    expect(parseChallenges([header])).toEqual([
      { scheme: 'bearer', params: { realm: 'https://a/token', service: 'a' } },
      { scheme: 'basic', params: { realm: 'b' } },
      { scheme: 'negotiate', params: {} },
    ]);
  });

  it('tolerates spaces around "=" and upper-case parameter names', () => {
    expect(parseChallenges(['BASIC Realm = "x y"'])).toEqual([{ scheme: 'basic', params: { realm: 'x y' } }]);
  });

  it('yields nothing for an empty header', () => {
    expect(parseChallenges(['', ' , '])).toEqual([]);
  });
});

describe('ChallengeStore', () => {
  const cases = vectors.challengeManager.cases;

  describe.each(cases.filter((c) => c.lookupURL !== undefined))('for $requestURL', (c) => {
    it(`is found again at ${c.lookupURL}`, () => {
      const store = new ChallengeStore();
      store.set(new URL(c.requestURL), parseChallenges([c.header ?? '']));
      expect(store.get(new URL(c.lookupURL ?? ''))).toHaveLength(1);
    });
  });

  describe.each(cases.filter((c) => c.headers !== undefined))('for several headers at $requestURL', (c) => {
    it('keeps every challenge, so a caller can filter them', () => {
      const store = new ChallengeStore();
      store.set(new URL(c.requestURL), parseChallenges(c.headers ?? []));
      const services = (store.get(new URL(c.requestURL)) ?? []).map((ch) => ch.params.service);
      expect(services).toHaveLength(2);
      expect(services.filter((s) => s === 'keep.example.com')).toEqual(c.expectedServices);
    });
  });

  it('keeps endpoints with different ports apart', () => {
    expect(endpointKey(new URL('https://r.example/v2/'))).not.toBe(endpointKey(new URL('https://r.example:5000/v2/')));
    expect(endpointKey(new URL('http://r.example/v2/'))).toBe('http://r.example:80');
  });
});
