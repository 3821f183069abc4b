import { describe, expect, it } from 'vitest';
import { chooseNotaryServer } from '../../../../src/core/trust/notary/notary-server';

describe('chooseNotaryServer', () => {
  it('asks the registry itself by default', () => {
    expect(chooseNotaryServer('reg.example:5000')).toEqual({
      kind: 'server',
      url: new URL('https://reg.example:5000/'),
    });
  });

  it('prefers the flag, then the per-registry setting, then DOCKER_CONTENT_TRUST_SERVER', () => {
    const settings = { servers: { 'reg.example': 'https://n.example' }, environment: 'https://env.example' };
    expect(chooseNotaryServer('reg.example', { ...settings, explicit: 'https://flag.example:4443' })).toMatchObject({
      url: new URL('https://flag.example:4443/'),
    });
    expect(chooseNotaryServer('reg.example', settings)).toMatchObject({ url: new URL('https://n.example/') });
    expect(chooseNotaryServer('other.example', settings)).toMatchObject({ url: new URL('https://env.example/') });
  });

  describe('for Docker Hub', () => {
    it("reports DCT's retirement with its dates instead of asking notary.docker.io", () => {
      expect(chooseNotaryServer('docker.io')).toEqual({
        kind: 'retired',
        retirement: expect.objectContaining({
          code: 'DCT_RETIRED',
          shutdown: '2026-12-08',
          officialImagesUnsignedSince: '2025-08-08',
        }),
      });
    });

    it('asks notary.docker.io when it is named explicitly', () => {
      expect(chooseNotaryServer('docker.io', { explicit: 'https://notary.docker.io' })).toMatchObject({
        kind: 'server',
      });
    });
  });
});
