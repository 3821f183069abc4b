import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { RigError } from './rig-error';

/** Each binary the rig executes, and the Debian package that ships it. Keep in sync with .ci/install-rig-packages.sh. */
export const RIG_TOOLS = [
  { binary: 'docker-registry', debianPackage: 'docker-registry' },
  { binary: 'skopeo', debianPackage: 'skopeo' },
  { binary: 'openssl', debianPackage: 'openssl' },
  { binary: 'htpasswd', debianPackage: 'apache2-utils' },
  { binary: 'notary', debianPackage: 'notary' },
  { binary: 'notary-server', debianPackage: 'notary' },
  { binary: 'notary-signer', debianPackage: 'notary' },
  { binary: 'docker-credential-pass', debianPackage: 'golang-docker-credential-helpers' },
  { binary: 'pass', debianPackage: 'pass' },
  { binary: 'gpg', debianPackage: 'gnupg' },
  { binary: 'umoci', debianPackage: 'umoci' },
] as const;

function isOnPath(binary: string): boolean {
  const dirs = (process.env['PATH'] ?? '').split(delimiter).filter(Boolean);
  return dirs.some((dir) => {
    try {
      accessSync(join(dir, binary), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The Debian packages whose binaries are not on PATH. */
export function findMissingRigPackages(): string[] {
  return [...new Set(RIG_TOOLS.filter((tool) => !isOnPath(tool.binary)).map((tool) => tool.debianPackage))];
}

/** Fails before any server starts, naming exactly what to install. */
export function verifyRigPackages(): void {
  const missing = findMissingRigPackages();
  if (missing.length === 0) return;
  throw new RigError(
    'RIG_PACKAGES_MISSING',
    `The integration-test rig needs Debian packages that are not installed: ${missing.join(', ')}.\n` +
      `Install them with: apt-get install -y ${missing.join(' ')}\n` +
      '(or run: sudo bash .ci/install-rig-packages.sh)',
  );
}
