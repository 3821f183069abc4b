import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSigstoreBundle } from '../../../../src/core/trust/sigstore/bundle-document';
import type { CosignError } from '../../../../src/core/trust/sigstore/cosign-error';
import { createSigstoreTrust } from '../../../../src/core/trust/sigstore/sigstore-trust';
import { parseTrustedRoot, publicGoodTrustedRoot } from '../../../../src/core/trust/sigstore/trusted-root';
import { verifyBundle } from '../../../../src/core/trust/sigstore/verify-bundle';
import { readKey, SIGSTORE_PEER_DATA } from './peer-fixtures';

const SUITE = `${SIGSTORE_PEER_DATA}sigstore-conformance/`;
const ASSETS = `${SUITE}test/assets/`;

interface ConformanceCase {
  name: string;
  expect: 'pass' | 'fail';
  files: string[];
  artifact: string;
  mode: 'identity' | 'key';
  identity?: string;
  issuer?: string;
}

const index = JSON.parse(readFileSync(`${SUITE}bundle-verify-index.json`, 'utf8')) as { cases: ConformanceCase[] };

function verifyCase(c: ConformanceCase) {
  const dir = `${ASSETS}bundle-verify/${c.name}/`;
  const rootFile = `${dir}trusted_root.json`;
  const trustedRoot = existsSync(rootFile)
    ? parseTrustedRoot(readFileSync(rootFile, 'utf8'), rootFile)
    : publicGoodTrustedRoot();
  const trust = createSigstoreTrust({
    trustedRoot,
    keys: c.mode === 'key' && existsSync(`${dir}key.pub`) ? [readKey(`${dir}key.pub`)] : [],
    identities:
      c.mode === 'identity'
        ? [{ subject: { kind: 'exact', value: c.identity ?? '' }, issuer: { kind: 'exact', value: c.issuer ?? '' } }]
        : [],
    requireTlog: true,
  });
  const bundle = parseSigstoreBundle(readFileSync(`${dir}bundle.sigstore.json`), c.name);
  return verifyBundle(bundle, readFileSync(`${ASSETS}${c.artifact}`), trust, c.name);
}

// The sigstore-conformance suite (../shared/peer-data, read in place): every case through our bundle check.
describe('verifyBundle › the sigstore-conformance bundle-verify suite', () => {
  for (const c of index.cases.filter((k) => k.expect === 'pass')) {
    it(`accepts ${c.name}`, () => {
      expect(verifyCase(c).tlogEntries).toBeGreaterThan(0);
    });
  }
  for (const c of index.cases.filter((k) => k.expect === 'fail')) {
    it(`rejects ${c.name} with a cosign code`, () => {
      let caught: unknown;
      try {
        verifyCase(c);
      } catch (error) {
        caught = error;
      }
      expect((caught as CosignError | undefined)?.code).toMatch(/^COSIGN_/);
    });
  }
});
