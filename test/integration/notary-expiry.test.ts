import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryTrustStore } from '../../src/core/trust/notary';
import { injectRig } from '../rig/inject-rig';
import { resignTrust } from '../rig/trust-resigner';
import { IMAGE, OTHER, ownRepository, trustClient } from './notary-support';

const DAY = 24 * 60 * 60 * 1000;

describe('trust data that expires in a few days, re-signed and published to the real server', () => {
  const rig = injectRig();
  let repo: Awaited<ReturnType<typeof ownRepository>>;
  let client: ReturnType<typeof trustClient>;
  const started = Date.now();

  beforeAll(async () => {
    repo = await ownRepository(rig, 'expiring', { releases: 1 });
    await resignTrust({ ...repo, caFile: rig.tls.caFile }, { expiresInDays: { 'targets/releases': 3, targets: 5 } });
    client = trustClient(rig, rig.notary.url);
  });
  afterAll(async () => {
    client.close();
    await repo.remove();
  });

  it('warns now with the date of each role that expires within 30 days, never the timestamp', async () => {
    const evidence = await client.verify(repo.gun, 'v2', createMemoryTrustStore(), Date.now(), OTHER);
    expect(evidence).toMatchObject({ signed: true, signers: ['targets/releases'] });
    const warnings = evidence.warnings.map((w) => [w.code, w.role, w.daysLeft]);
    expect(warnings).toEqual([
      ['TUF_EXPIRES_SOON', 'targets', 4],
      ['TUF_EXPIRES_SOON', 'targets/releases', 2],
    ]);
    expect(Date.parse(evidence.warnings[0]?.date ?? '')).toBeGreaterThan(started + 5 * DAY - 60_000);
  });

  it('skips targets/releases with TUF_EXPIRED once it expired, leaving its tag unsigned', async () => {
    const evidence = await client.verify(repo.gun, 'v2', createMemoryTrustStore(), Date.now() + 4 * DAY, OTHER);
    expect(evidence.failures).toEqual([
      expect.objectContaining({ code: 'DCT_NOT_SIGNED' }),
      expect.objectContaining({ code: 'TUF_EXPIRED', role: 'targets/releases' }),
    ]);
    expect((await client.verify(repo.gun, 'v1', createMemoryTrustStore(), Date.now() + 4 * DAY, IMAGE)).signed).toBe(
      true,
    );
  });

  it('fails with TUF_EXPIRED on targets once it expired', async () => {
    const evidence = await client.verify(repo.gun, 'v1', createMemoryTrustStore(), Date.now() + 6 * DAY);
    expect(evidence.failures).toEqual([expect.objectContaining({ code: 'TUF_EXPIRED', role: 'targets' })]);
  });
});
