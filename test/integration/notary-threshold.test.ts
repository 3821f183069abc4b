import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryTrustStore } from '../../src/core/trust/notary';
import { injectRig } from '../rig/inject-rig';
import { resignTrust } from '../rig/trust-resigner';
import { OTHER, ownRepository, trustClient } from './notary-support';

describe('targets/releases with two signers on the real server', () => {
  const rig = injectRig();
  let repo: Awaited<ReturnType<typeof ownRepository>>;
  let client: ReturnType<typeof trustClient>;
  const verifyV2 = () => client.verify(repo.gun, 'v2', createMemoryTrustStore(), Date.now(), OTHER);

  beforeAll(async () => {
    repo = await ownRepository(rig, 'two-signers', { releases: 2 });
    client = trustClient(rig, rig.notary.url);
  });
  afterAll(async () => {
    client.close();
    await repo.remove();
  });

  it('verifies with threshold 1', async () => {
    expect(await verifyV2()).toMatchObject({ signed: true, signers: ['targets/releases'] });
  });

  it('verifies with threshold 2: both keys signed', async () => {
    await resignTrust({ ...repo, caFile: rig.tls.caFile }, { thresholds: { 'targets/releases': 2 } });
    expect(await verifyV2()).toMatchObject({ signed: true, codes: [] });
  });

  it('skips the delegation with TUF_THRESHOLD when the threshold is 3', async () => {
    await resignTrust({ ...repo, caFile: rig.tls.caFile }, { thresholds: { 'targets/releases': 3 } });
    const evidence = await verifyV2();
    expect(evidence.failures).toContainEqual(
      expect.objectContaining({ code: 'TUF_THRESHOLD', role: 'targets/releases' }),
    );
    expect(evidence.signed).toBe(false);
  });
});
