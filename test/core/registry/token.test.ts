import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTokenRequest, parseTokenResponse, scopesFor } from '../../../src/core/registry/token';

interface TokenVectors {
  tokenRequest: {
    cases: { challenge: Record<string, string>; url: string }[];
    tokenResponse: { example: Record<string, unknown> };
  };
}

const vectors = JSON.parse(
  readFileSync(new URL('../../../../shared/peer-data/oci/distribution/auth-vectors.json', import.meta.url), 'utf8'),
) as TokenVectors;
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('buildTokenRequest', () => {
  describe.each(vectors.tokenRequest.cases)('for the challenge of $challenge.realm', ({ challenge, url }) => {
    it('asks the realm for the service and the scope', () => {
      const request = buildTokenRequest(challenge, scopesFor(challenge.scope, undefined), undefined, 1000);
      const expected = new URL(url);
      expect(request.method).toBe('GET');
      expect(request.url.origin + request.url.pathname).toBe(expected.origin + expected.pathname);
      expect([...request.url.searchParams]).toEqual([...expected.searchParams]);
      expect(request.headers.authorization).toBeUndefined();
    });
  });

  it('sends a username and password as Basic, with the account named', () => {
    const credential = { kind: 'basic', username: 'alice', password: 'secret123', source: 'test' } as const;
    const request = buildTokenRequest({ realm: 'https://auth.test/token', service: 's' }, ['a', 'b'], credential, 1);
    expect(request.headers.authorization).toBe(`Basic ${btoa('alice:secret123')}`);
    expect(request.url.searchParams.getAll('scope')).toEqual(['a', 'b']);
    expect(request.url.searchParams.get('account')).toBe('alice');
  });

  it('keeps query parameters already in the realm', () => {
    const request = buildTokenRequest({ realm: 'https://auth.test/token?x=1' }, [], undefined, 1);
    expect(request.url.searchParams.get('x')).toBe('1');
  });

  it('exchanges an identity token with an OAuth2 refresh_token POST', () => {
    const credential = { kind: 'identity-token', token: 'refresh-me', source: 'test' } as const;
    const request = buildTokenRequest({ realm: 'https://auth.test/token', service: 's' }, ['a', 'b'], credential, 1);
    expect(request.method).toBe('POST');
    const form = new URLSearchParams(new TextDecoder().decode(request.body));
    expect(form.get('grant_type')).toBe('refresh_token');
    expect(form.get('refresh_token')).toBe('refresh-me');
    expect(form.get('service')).toBe('s');
    expect(form.get('scope')).toBe('a b');
    expect(request.url.search).toBe('');
  });
});

describe('parseTokenResponse', () => {
  it('reads the spec example', () => {
    expect(parseTokenResponse(encode(vectors.tokenRequest.tokenResponse.example), 60)).toEqual({
      token: '<jwt>',
      expiresInSeconds: 3600,
    });
  });

  it('takes access_token when token is absent', () => {
    expect(parseTokenResponse(encode({ access_token: 'a' }), 60)?.token).toBe('a');
  });

  it('defaults expires_in to 60 s and never goes below it', () => {
    expect(parseTokenResponse(encode({ token: 't' }), 60)?.expiresInSeconds).toBe(60);
    expect(parseTokenResponse(encode({ token: 't', expires_in: 5 }), 60)?.expiresInSeconds).toBe(60);
  });

  it('yields nothing for a response without a token or not JSON', () => {
    expect(parseTokenResponse(encode({ expires_in: 5 }), 60)).toBeUndefined();
    expect(parseTokenResponse(new TextEncoder().encode('<html>'), 60)).toBeUndefined();
  });
});

describe('scopesFor', () => {
  it('splits the challenge scope on spaces and adds the needed one once', () => {
    expect(scopesFor('repository:a:pull registry:catalog:*', 'repository:a:pull')).toEqual([
      'repository:a:pull',
      'registry:catalog:*',
    ]);
    expect(scopesFor(undefined, 'repository:host:5000/a:pull')).toEqual(['repository:host:5000/a:pull']);
  });
});
