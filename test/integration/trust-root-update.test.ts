import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { TufRepo } from '../node/sigstore-root-repo';
import { injectRig } from '../rig/inject-rig';
import { captureIo } from '../support/capture-io';
import { makeTempTree } from '../support/temp-dir';
import { sigstoreOf, verifyJson } from './sigstore-support';

describe('image-trust verify with the trusted root trust-root update stored', () => {
  const rig = injectRig();
  const s = sigstoreOf(rig);
  const keyless = [...s.identityFlags, `${s.repository}:keyless-sig`];
  let home: { root: string; remove: () => Promise<void> };
  let repo: TufRepo;
  beforeAll(async () => {
    home = await makeTempTree({});
    repo = await TufRepo.start();
  });
  afterAll(async () => {
    await repo.close();
    await home.remove();
  });
  const cacheFile = () => join(home.root, 'cache', 'image-trust', 'sigstore', 'trusted_root.json');

  it('verifies a keyless signature of the private Sigstore once its root is published over TUF and updated', async () => {
    expect((await verifyJson(rig, home.root, keyless)).rows[0]?.cosign).toMatchObject({ verified: false });
    repo.publish({ target: readFileSync(s.trustedRootFile), version: 1 });
    writeFileSync(join(home.root, 'tuf-root.json'), repo.initialRoot);
    const captured = captureIo(home.root, { HOME: home.root, XDG_CACHE_HOME: join(home.root, 'cache') });
    const args = ['trust-root', 'update', '--tuf-mirror', repo.origin, '--tuf-root', 'tuf-root.json'];
    expect(await runCli(args, captured.io)).toBe(0);
    const { status, rows } = await verifyJson(rig, home.root, keyless);
    expect(status).toBe(0);
    expect(rows[0]?.cosign).toMatchObject({ verified: true });
  });

  it('says the cached root is corrupt and verifies with the shipped one', async () => {
    mkdirSync(join(home.root, 'cache', 'image-trust', 'sigstore'), { recursive: true });
    writeFileSync(cacheFile(), 'not json');
    const { rows, stderr } = await verifyJson(rig, home.root, keyless);
    expect(stderr).toContain('TRUST_ROOT_CACHE_CORRUPT');
    expect(rows[0]?.cosign).toMatchObject({ verified: false, codes: ['COSIGN_UNTRUSTED_CERTIFICATE'] });
  });
});
