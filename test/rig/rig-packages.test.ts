import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RIG_TOOLS, verifyRigPackages } from './rig-packages';

describe('verifyRigPackages', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  describe('when no rig binary is on PATH', () => {
    it('fails with RIG_PACKAGES_MISSING and the exact apt-get command', () => {
      vi.stubEnv('PATH', '/nonexistent');
      expect(() => verifyRigPackages()).toThrow(
        expect.objectContaining({
          code: 'RIG_PACKAGES_MISSING',
          message: expect.stringContaining('apt-get install -y docker-registry skopeo openssl apache2-utils'),
        }),
      );
    });
  });

  it('names the same binaries and packages as .ci/install-rig-packages.sh', () => {
    const script = readFileSync(new URL('../../.ci/install-rig-packages.sh', import.meta.url), 'utf8');
    const listed = [...script.matchAll(/^ {2}([\w-]+):([\w.+-]+)$/gm)].map(([, binary, debianPackage]) => ({
      binary,
      debianPackage,
    }));
    expect(listed).toEqual(RIG_TOOLS.map((tool) => ({ ...tool })));
  });
});
