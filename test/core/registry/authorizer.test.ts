import { describe, expect, it } from 'vitest';
import { Authorizer } from '../../../src/core/registry/authorizer';
import type { Credential } from '../../../src/core/registry/credential';
import type { TransportRequest } from '../../../src/core/registry/ports';
import { fakeClock, fakeTransport, reply } from './fakes';

const REGISTRY = new URL('https://reg.test/v2/demo/app/manifests/v1');
const SCOPE = 'repository:demo/app:pull';
const challenge = (url: URL) =>
  reply({ method: 'GET', url, headers: {}, maxBytes: 0 }, 401, {
    'www-authenticate': 'Bearer realm="https://auth.test/token",service="reg"',
  });

function setUp(credential?: Credential, tokenReply?: (r: TransportRequest, n: number) => ReturnType<typeof reply>) {
  const clock = fakeClock();
  let issued = 0;
  const transport = fakeTransport((request) => {
    issued += 1;
    return (
      tokenReply?.(request, issued) ?? reply(request, 200, {}, JSON.stringify({ token: `t${issued}`, expires_in: 300 }))
    );
  });
  const authorizer = new Authorizer(
    { transport, clock, credentials: () => Promise.resolve(credential) },
    'reg.test',
    1e6,
  );
  authorizer.learn(challenge(REGISTRY));
  return { clock, transport, authorizer };
}

describe('Authorizer', () => {
  describe('with a Bearer challenge', () => {
    it('reuses the token for the same scope until expires_in elapses', async () => {
      const { clock, transport, authorizer } = setUp();
      expect(await authorizer.header(REGISTRY, SCOPE)).toBe('Bearer t1');
      clock.advance(290_000);
      expect(await authorizer.header(REGISTRY, SCOPE)).toBe('Bearer t1');
      clock.advance(10_000);
      expect(await authorizer.header(REGISTRY, SCOPE)).toBe('Bearer t2');
      expect(transport.requests).toHaveLength(2);
    });

    it('asks the token server once for requests of one scope that arrive together', async () => {
      const { transport, authorizer } = setUp();
      const headers = await Promise.all([1, 2, 3].map(() => authorizer.header(REGISTRY, SCOPE)));
      expect(headers).toEqual(['Bearer t1', 'Bearer t1', 'Bearer t1']);
      expect(transport.requests).toHaveLength(1);
    });

    it('keeps a token without expires_in for 60 s', async () => {
      const { clock, authorizer } = setUp(undefined, (r, n) => reply(r, 200, {}, JSON.stringify({ token: `t${n}` })));
      expect(await authorizer.header(REGISTRY, SCOPE)).toBe('Bearer t1');
      clock.advance(50_000);
      expect(await authorizer.header(REGISTRY, SCOPE)).toBe('Bearer t1');
      clock.advance(10_000);
      expect(await authorizer.header(REGISTRY, SCOPE)).toBe('Bearer t2');
    });

    it('asks again per scope, and again when told the token was refused', async () => {
      const { transport, authorizer } = setUp();
      await authorizer.header(REGISTRY, SCOPE);
      await authorizer.header(REGISTRY, 'repository:other:pull');
      await authorizer.header(REGISTRY, SCOPE, undefined, true);
      expect(transport.requests.map((r) => r.url.searchParams.get('scope'))).toEqual([
        SCOPE,
        'repository:other:pull',
        SCOPE,
      ]);
    });

    it('fails with AUTH_DENIED naming the credential source when the token server refuses it', async () => {
      const credential = { kind: 'basic', username: 'bob', password: 'hunter2', source: 'config.json auths' } as const;
      const { authorizer } = setUp(credential, (r) => reply(r, 401));
      const error = await authorizer.header(REGISTRY, SCOPE).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'AUTH_DENIED', details: { credentialSource: 'config.json auths' } });
      expect(JSON.stringify(error) + String(error)).not.toContain('hunter2');
    });

    it('fails with AUTH_REQUIRED when anonymous access is refused', async () => {
      const { authorizer } = setUp(undefined, (r) => reply(r, 401));
      await expect(authorizer.header(REGISTRY, SCOPE)).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
    });

    it('fails with AUTH_FAILED when the token server misbehaves', async () => {
      const broken = setUp(undefined, (r) => reply(r, 200, {}, '{}'));
      await expect(broken.authorizer.header(REGISTRY, SCOPE)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
      const failing = setUp(undefined, (r) => reply(r, 500));
      await expect(failing.authorizer.header(REGISTRY, SCOPE)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    });
  });

  describe('with a Basic challenge', () => {
    const basic = (url: URL) =>
      reply({ method: 'GET', url, headers: {}, maxBytes: 0 }, 401, { 'www-authenticate': 'Basic realm="r"' });

    it('sends the credential as Basic', async () => {
      const credential = { kind: 'basic', username: 'alice', password: 'secret123', source: 's' } as const;
      const { authorizer } = setUp(credential);
      authorizer.learn(basic(REGISTRY));
      expect(await authorizer.header(REGISTRY, SCOPE)).toBe(`Basic ${btoa('alice:secret123')}`);
    });

    it('sends nothing without a credential', async () => {
      const { authorizer } = setUp();
      authorizer.learn(basic(REGISTRY));
      expect(await authorizer.header(REGISTRY, SCOPE)).toBeUndefined();
    });
  });

  it('sends nothing to an endpoint that sent no challenge', async () => {
    const { authorizer } = setUp();
    expect(await authorizer.header(new URL('https://other.test/v2/'), SCOPE)).toBeUndefined();
  });

  it('fails with AUTH_UNSUPPORTED for a scheme it cannot answer', async () => {
    const { authorizer } = setUp();
    const url = new URL('https://neg.test/v2/');
    authorizer.learn(reply({ method: 'GET', url, headers: {}, maxBytes: 0 }, 401, { 'www-authenticate': 'Negotiate' }));
    await expect(authorizer.header(url, SCOPE)).rejects.toMatchObject({ code: 'AUTH_UNSUPPORTED' });
  });
});
