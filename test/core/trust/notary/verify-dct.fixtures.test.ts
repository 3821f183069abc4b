import { describe, expect, it } from 'vitest';
import { createMemoryTrustStore } from '../../../../src/core/trust/notary/ports';
import { verifyDct } from '../../../../src/core/trust/notary/verify-dct';
import { COMPAT, CONNAISSEUR, directorySource } from './peer-fixtures';

const LICENSE = 'sha256:9395bac6fccb26bcb55efb083d1b4b0fe72a1c25f959f056c016120b3bb56a62';
const EMPTY = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

async function verifyCompat(name: keyof typeof COMPAT, tag: string, digest: string, size: number, at: string) {
  const { gun, dir } = COMPAT[name];
  const deps = { source: directorySource(dir).source, store: createMemoryTrustStore(), referenceTime: Date.parse(at) };
  return verifyDct({ gun, tag, digest, size }, deps);
}

describe('verifyDct on notary 0.1 repositories', () => {
  it('verifies LICENSE signed in targets', async () => {
    const evidence = await verifyCompat('notary0.1', 'LICENSE', LICENSE, 11309, '2026-12-01T00:00:00Z');
    expect(evidence).toMatchObject({ signed: true, signers: ['targets'], codes: [], rootPin: 'tofu' });
    expect(evidence.expires).toMatchObject({ root: '2116-01-12T00:58:57.119Z', timestamp: '2116-01-12T00:58:43.527Z' });
    expect(evidence.certificates).toEqual([
      { role: 'root', keyId: expect.stringMatching(/^d0c623c8/), notAfter: '2116-02-05T00:58:57.000Z' },
    ]);
  });
});

describe('verifyDct on notary 0.3 repositories', () => {
  it('verifies a target in targets/releases signed with an RSA-PSS certificate key', async () => {
    const evidence = await verifyCompat('notary0.3', 'hello', EMPTY, 0, '2025-01-01T00:00:00Z');
    expect(evidence).toMatchObject({ signed: true, signers: ['targets/releases'], codes: [] });
    expect(evidence.expires['targets/releases']).toBeDefined();
  });

  it('verifies a target only in targets', async () => {
    const evidence = await verifyCompat('notary0.3', 'LICENSE', LICENSE, 11309, '2025-01-01T00:00:00Z');
    expect(evidence).toMatchObject({ signed: true, signers: ['targets'] });
  });

  it('fails with TUF_CERT_EXPIRED once its root certificate expired (2026-07-25)', async () => {
    const evidence = await verifyCompat('notary0.3', 'hello', EMPTY, 0, '2026-12-01T00:00:00Z');
    expect(evidence).toMatchObject({ signed: false, codes: ['TUF_CERT_EXPIRED'] });
  });

  it('warns with the date when the root certificate expires within the window', async () => {
    const evidence = await verifyCompat('notary0.3', 'hello', EMPTY, 0, '2026-07-01T00:00:00Z');
    expect(evidence.signed).toBe(true);
    expect(evidence.warnings).toContainEqual(
      expect.objectContaining({ code: 'TUF_CERT_EXPIRES_SOON', role: 'root', date: '2026-07-25T22:56:32.000Z' }),
    );
  });
});

describe('verifyDct on Docker Hub trust data (connaisseur)', () => {
  const hub = (image: string, tag: string, digest: string, size: number, at: string) =>
    verifyDct(
      { gun: `docker.io/phbelitz/${image}`, tag, digest, size },
      {
        source: directorySource(`${CONNAISSEUR}trust_data_wire/${image}/`).source,
        store: createMemoryTrustStore(),
        referenceTime: Date.parse(at),
      },
    );

  it('verifies sample-image:v1 before its timestamp expired', async () => {
    const digest = 'sha256:799c0fa8aa4c9fbff5a99aef1b4b5c3abb9c2f34134345005982fad3489893c7';
    const evidence = await hub('sample-image', 'v1', digest, 1994, '2019-11-01T00:00:00Z');
    expect(evidence).toMatchObject({ signed: true, signers: ['targets'] });
  });

  it('fails sample-image with TUF_EXPIRED on the timestamp today', async () => {
    const digest = 'sha256:799c0fa8aa4c9fbff5a99aef1b4b5c3abb9c2f34134345005982fad3489893c7';
    const evidence = await hub('sample-image', 'v1', digest, 1994, '2026-12-01T00:00:00Z');
    expect(evidence.failures).toEqual([expect.objectContaining({ code: 'TUF_EXPIRED', role: 'timestamp' })]);
  });
});
