import { describe, expect, it } from 'vitest';
import type { Credential } from '../../../../src/core/registry/credential';
import { RegistryError } from '../../../../src/core/registry/registry-error';
import type { TransportRequest } from '../../../../src/core/registry/ports';
import { createNotarySource } from '../../../../src/core/trust/notary/notary-source';
import { fakeClock, fakeTransport, reply } from '../../registry/fakes';

const GUN = 'reg.test/demo/app';
const target = { server: new URL('https://notary.test/'), registry: 'reg.test', gun: GUN, userAgent: 'test' };
const CHALLENGE = 'Bearer realm="https://auth.test/token",service="notary",scope="repository:reg.test/demo/app:pull"';

function setUp(handler: (request: TransportRequest) => ReturnType<typeof reply>, credential?: Credential) {
  const transport = fakeTransport(handler);
  const source = createNotarySource(
    { transport, clock: fakeClock(), credentials: () => Promise.resolve(credential) },
    target,
  );
  return { transport, source };
}

describe('createNotarySource', () => {
  it('fetches /v2/<GUN>/_trust/tuf/<role>.json, by checksum and by version', async () => {
    const { transport, source } = setUp((r) => reply(r, 200, {}, 'x'));
    await source.fetch({ role: 'timestamp', maxBytes: 10 });
    await source.fetch({ role: 'targets/releases', checksum: 'ab', maxBytes: 10 });
    await source.fetch({ role: 'root', version: 3, maxBytes: 10 });
    expect(transport.requests.map((r) => r.url.pathname)).toEqual([
      '/v2/reg.test/demo/app/_trust/tuf/timestamp.json',
      '/v2/reg.test/demo/app/_trust/tuf/targets/releases.ab.json',
      '/v2/reg.test/demo/app/_trust/tuf/3.root.json',
    ]);
    expect(transport.requests.map((r) => r.maxBytes)).toEqual([10, 10, 10]);
  });

  it("answers a 401 with a token from the registry's token service, using the registry's credential", async () => {
    const { transport, source } = setUp(
      (r) => {
        if (r.url.host === 'auth.test') return reply(r, 200, {}, JSON.stringify({ token: 'tok' }));
        if (r.headers.authorization === 'Bearer tok') return reply(r, 200, {}, 'data');
        return reply(r, 401, { 'www-authenticate': CHALLENGE });
      },
      { kind: 'basic', username: 'alice', password: 'pw', source: 'test' } as Credential,
    );
    expect(new TextDecoder().decode(await source.fetch({ role: 'root', maxBytes: 10 }))).toBe('data');
    const tokenRequest = transport.requests.find((r) => r.url.host === 'auth.test');
    expect(tokenRequest?.url.searchParams.get('scope')).toBe('repository:reg.test/demo/app:pull');
    expect(tokenRequest?.headers.authorization).toMatch(/^Basic /);
  });

  it('gives nothing for a 404', async () => {
    const { source } = setUp((r) => reply(r, 404));
    expect(await source.fetch({ role: 'root', maxBytes: 10 })).toBeUndefined();
  });

  it('fails with TUF_UNAVAILABLE when the server errs', async () => {
    const { source } = setUp((r) => reply(r, 503));
    await expect(source.fetch({ role: 'root', maxBytes: 10 })).rejects.toMatchObject({ code: 'TUF_UNAVAILABLE' });
  });

  it('fails with TUF_TOO_LARGE when the transport refuses an oversized body', async () => {
    const { source } = setUp(() => {
      throw new RegistryError('REGISTRY_RESPONSE_TOO_LARGE', 'too large', { registry: 'notary.test' });
    });
    await expect(source.fetch({ role: 'timestamp', maxBytes: 10 })).rejects.toMatchObject({ code: 'TUF_TOO_LARGE' });
  });

  it('keeps AUTH_ codes when the server still refuses', async () => {
    const { source } = setUp((r) => reply(r, 401, { 'www-authenticate': 'Basic realm="x"' }));
    await expect(source.fetch({ role: 'root', maxBytes: 10 })).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
  });
});
