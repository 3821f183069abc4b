import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Credential } from '../../src/core/registry/credential';
import { createMemoryTrustStore, createNotarySource, verifyDct } from '../../src/core/trust/notary';
import { createHttpTransport } from '../../src/node/http-transport';
import { systemClock } from '../../src/node/system-clock';
import { injectRig } from '../rig/inject-rig';
import { startNotaryServer } from '../rig/notary-server';
import type { RigPki } from '../rig/pki';
import type { RigProcess } from '../rig/processes';
import { NOTARY_PASSPHRASES, runNotary, writeNotaryClientConfig } from '../rig/trust-publisher';
import { IMAGE } from './notary-support';

// The rig keeps its PKI under <dir>/pki (rig-servers.ts); this server reuses it and the rig's signer.
function rigPki(dir: string): RigPki {
  const pki = join(dir, 'pki');
  const pair = (name: string) => ({ cert: join(pki, `${name}.crt`), key: join(pki, `${name}.key`) });
  return {
    caFile: join(pki, 'ca.crt'),
    certDir: join(pki, 'certs.d'),
    serverCert: join(pki, 'server.crt'),
    serverKey: join(pki, 'server.key'),
    tokenCert: join(pki, 'token.crt'),
    tokenKey: join(pki, 'token.key'),
    tokenBundle: join(pki, 'token-bundle.crt'),
    notaryServer: pair('notary-server'),
    notarySigner: pair('notary-signer'),
  };
}

describe("a notary server behind the registry's token service", () => {
  const rig = injectRig();
  const registry = rig.registries.token;
  const gun = `${registry.host}/demo/app`;
  let work: string;
  let server: { url: string; proc: RigProcess };
  const http = createHttpTransport({ caFiles: [rig.tls.caFile] });

  beforeAll(async () => {
    if (registry.auth.kind !== 'token') throw new Error('the token registry has no token auth');
    work = await mkdtemp(join(tmpdir(), 'notary-auth-'));
    const { realm, service, issuer } = registry.auth;
    const auth = { realm, service, issuer, rootCertBundle: rigPki(rig.dir).tokenBundle };
    server = await startNotaryServer(work, rigPki(rig.dir), rig.notary.signerPort, auth);
    const clientConfig = await writeNotaryClientConfig(work, server.url, rig.tls.caFile);
    const notaryAuth = Buffer.from('alice:secret123').toString('base64');
    const info = { clientConfig, env: { ...NOTARY_PASSPHRASES, NOTARY_AUTH: notaryAuth } };
    await runNotary(info, ['init', gun]);
    await runNotary(info, ['addhash', gun, 'v1', String(IMAGE.size), '--sha256', IMAGE.digest.slice(7)]);
    await runNotary(info, ['publish', gun]);
  });
  afterAll(async () => {
    http.close();
    await server.proc.stop();
    await rm(work, { recursive: true, force: true });
  });

  const verifyAs = (credential: Credential | undefined) => {
    const credentials = async (host: string) => (host === registry.host ? credential : undefined);
    const source = createNotarySource(
      { transport: http.transport, clock: systemClock, credentials },
      { server: new URL(`${server.url}/`), registry: registry.host, gun, userAgent: 'test' },
    );
    const deps = { source, store: createMemoryTrustStore(), referenceTime: Date.now() };
    return verifyDct({ gun, tag: 'v1', ...IMAGE }, deps);
  };

  it("verifies with a token for the registry's credential (scope repository:<GUN>:pull)", async () => {
    const bob: Credential = { kind: 'basic', username: 'bob', password: 'hunter2', source: 'test' };
    expect(await verifyAs(bob)).toMatchObject({ signed: true, codes: [] });
  });

  it('fails with AUTH_REQUIRED without a credential for the registry', async () => {
    expect((await verifyAs(undefined)).codes).toEqual(['AUTH_REQUIRED']);
  });
});
