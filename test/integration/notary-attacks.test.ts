import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryTrustStore } from '../../src/core/trust/notary';
import type { FaultProxy } from '../rig/fault-proxy';
import { injectRig } from '../rig/inject-rig';
import { rigRequest } from '../rig/rig-http';
import { runNotary } from '../rig/trust-publisher';
import {
  corruptSignatures,
  notaryProxy,
  OTHER,
  ownRepository,
  resignWithStrangerKey,
  trustClient,
  withoutSignatures,
} from './notary-support';

const DAY = 24 * 60 * 60 * 1000;

describe('notary trust data attacked in front of the real server', () => {
  const rig = injectRig();
  let repo: Awaited<ReturnType<typeof ownRepository>>;
  let proxy: FaultProxy;
  let client: ReturnType<typeof trustClient>;

  beforeAll(async () => {
    [repo, proxy] = await Promise.all([ownRepository(rig, 'attacks'), notaryProxy(rig)]);
    client = trustClient(rig, proxy.url);
  });
  afterAll(async () => {
    client.close();
    await Promise.all([proxy.stop(), repo.remove()]);
  });

  const tamper = (role: RegExp, transform: (body: Buffer) => Buffer) =>
    proxy.addFault({ match: { path: role }, fault: { kind: 'body', transform } });

  describe('untampered', () => {
    it('verifies through the proxy', async () => {
      expect(await client.verify(repo.gun, 'v1')).toMatchObject({ signed: true, signers: ['targets'], codes: [] });
    });
  });

  describe('with an arbitrary timestamp signature', () => {
    it('fails with TUF_BAD_SIGNATURE', async () => {
      tamper(/timestamp\.json$/, corruptSignatures);
      expect((await client.verify(repo.gun, 'v1')).failures).toEqual([
        expect.objectContaining({ code: 'TUF_BAD_SIGNATURE', role: 'timestamp' }),
      ]);
    });
  });

  describe('with the timestamp signed by a key the root does not list', () => {
    it('fails with TUF_WRONG_KEY', async () => {
      tamper(/timestamp\.json$/, resignWithStrangerKey);
      expect((await client.verify(repo.gun, 'v1')).codes).toEqual(['TUF_WRONG_KEY']);
    });
  });

  describe('with the timestamp signatures stripped', () => {
    it('fails with TUF_THRESHOLD', async () => {
      tamper(/timestamp\.json$/, withoutSignatures);
      expect((await client.verify(repo.gun, 'v1')).codes).toEqual(['TUF_THRESHOLD']);
    });
  });

  describe('with endless timestamp data', () => {
    it('fails with TUF_TOO_LARGE before parsing', async () => {
      proxy.addFault({ match: { path: /timestamp\.json$/ }, fault: { kind: 'inflate', size: 4 << 20, chunked: true } });
      expect((await client.verify(repo.gun, 'v1')).codes).toEqual(['TUF_TOO_LARGE']);
    });
  });

  describe('with a stale timestamp (freeze): the client is 15 days later than the server signed', () => {
    it('fails with TUF_EXPIRED on the timestamp', async () => {
      const evidence = await client.verify(repo.gun, 'v1', createMemoryTrustStore(), Date.now() + 15 * DAY);
      expect(evidence.failures).toEqual([expect.objectContaining({ code: 'TUF_EXPIRED', role: 'timestamp' })]);
    });
  });

  describe('with the root signature tampered on first use', () => {
    it('fails with TUF_BAD_SIGNATURE and pins nothing', async () => {
      tamper(/root\.json$/, corruptSignatures);
      const store = createMemoryTrustStore();
      expect((await client.verify(repo.gun, 'v1', store)).codes).toEqual(['TUF_BAD_SIGNATURE']);
      expect(await store.load(repo.gun)).toBeUndefined();
    });
  });

  describe('after a newer publish was seen', () => {
    const store = createMemoryTrustStore();
    const files: Record<string, Buffer> = {};
    const fetchRole = async (role: string) =>
      (await rigRequest(`${rig.notary.url}/v2/${repo.gun}/_trust/tuf/${role}.json`, { caFile: rig.tls.caFile })).body;

    beforeAll(async () => {
      proxy.clearFaults();
      [files.timestamp, files.targets] = await Promise.all([fetchRole('timestamp'), fetchRole('targets')]);
      await runNotary(repo, ['addhash', repo.gun, 'v2', String(OTHER.size), '--sha256', OTHER.digest.slice(7)]);
      await runNotary(repo, ['publish', repo.gun]);
      expect((await client.verify(repo.gun, 'v1', store)).signed).toBe(true);
    });

    it('fails with TUF_ROLLBACK when the old timestamp is replayed', async () => {
      tamper(/timestamp\.json$/, () => files.timestamp ?? Buffer.alloc(0));
      expect((await client.verify(repo.gun, 'v1', store)).codes).toEqual(['TUF_ROLLBACK']);
    });

    it('fails with TUF_HASH_MISMATCH when the snapshot is served with the old targets (mix-and-match)', async () => {
      tamper(/\/targets\.[0-9a-f]{64}\.json$/, () => files.targets ?? Buffer.alloc(0));
      expect((await client.verify(repo.gun, 'v1', store)).codes).toEqual(['TUF_HASH_MISMATCH']);
    });

    it('still verifies the new data afterwards: nothing was cached from the failed updates', async () => {
      expect(await client.verify(repo.gun, 'v2', store)).toMatchObject({
        signed: false,
        codes: ['DCT_DIGEST_MISMATCH'],
      });
      const served = JSON.parse((await fetchRole('targets')).toString('utf8')) as { signed: { version: number } };
      expect((await store.load(repo.gun))?.versions.targets).toBe(served.signed.version);
    });
  });

  afterEach(() => proxy.clearFaults());
});

describe('root rotation on the real server', () => {
  const rig = injectRig();

  it('accepts a root rotated with notary key rotate (signed by the old root)', async () => {
    const repo = await ownRepository(rig, 'rotated');
    const client = trustClient(rig, rig.notary.url);
    const store = createMemoryTrustStore();
    try {
      expect((await client.verify(repo.gun, 'v1', store)).rootPin).toBe('tofu');
      await runNotary(repo, ['key', 'rotate', repo.gun, 'root'], 'yes\n');
      expect(await client.verify(repo.gun, 'v1', store)).toMatchObject({ signed: true, rootPin: 'rotated' });
    } finally {
      client.close();
      await repo.remove();
    }
  });

  it('fails with TUF_ROOT_CHANGED when the repository is re-created with new root keys', async () => {
    const first = await ownRepository(rig, 'recreated');
    const client = trustClient(rig, rig.notary.url);
    const store = createMemoryTrustStore();
    try {
      expect((await client.verify(first.gun, 'v1', store)).signed).toBe(true);
      await runNotary(first, ['delete', first.gun, '--remote']);
      const second = await ownRepository(rig, 'recreated');
      await second.remove();
      expect((await client.verify(first.gun, 'v1', store)).codes).toEqual(['TUF_ROOT_CHANGED']);
    } finally {
      client.close();
      await first.remove();
    }
  });
});
