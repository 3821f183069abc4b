import { describe, expect, it } from 'vitest';
import type { Resolution } from '../../../../src/core/registry/client-types';
import { createMemoryTrustStore } from '../../../../src/core/trust/notary/ports';
import { gunOf, verifyResolutionDct } from '../../../../src/core/trust/notary/verify-resolution';
import { fakeClock, fakeTransport } from '../../registry/fakes';

const resolution = (domain: string, path: string): Resolution => ({
  reference: { domain, path, tag: 'latest' },
  digest: `sha256:${'0'.repeat(64)}`,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  size: 1,
  platforms: [],
});

function deps() {
  const transport = fakeTransport(() => {
    throw new Error('no request may be sent');
  });
  const base = { transport, clock: fakeClock(), credentials: async () => undefined };
  return { ...base, store: createMemoryTrustStore(), referenceTime: Date.UTC(2026, 11, 1) };
}

describe('verifyResolutionDct', () => {
  it('names the GUN as docker does: registry and repository', () => {
    expect(gunOf(resolution('docker.io', 'library/alpine'))).toBe('docker.io/library/alpine');
  });

  describe('for Docker Hub', () => {
    it('reports DCT_RETIRED without a request', async () => {
      const d = deps();
      const result = await verifyResolutionDct(resolution('docker.io', 'library/alpine'), d);
      expect(result).toMatchObject({ signed: false, codes: ['DCT_RETIRED'], retirement: { shutdown: '2026-12-08' } });
      expect(d.transport.requests).toEqual([]);
    });
  });
});
