import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import type { VerifyRow } from '../../src/cli/verify-command';
import { injectRig } from '../rig/inject-rig';
import { captureIo } from '../support/capture-io';
import { makeTempTree } from '../support/temp-dir';

describe('image-trust verify --key against cosign-format signatures on the real registry', () => {
  const rig = injectRig();
  const http = rig.registries.http.host;
  const cosign = rig.cosign;
  if (cosign === undefined) throw new Error('the shared rig made no cosign signatures');
  let home: { root: string; remove: () => Promise<void> };

  beforeAll(async () => {
    home = await makeTempTree({ 'not-a-key.pem': 'not a key\n' });
  });
  afterAll(() => home.remove());

  async function verifyJson(keys: string[], ...refs: string[]) {
    const env = { HOME: home.root, XDG_CACHE_HOME: `${home.root}/cache`, DOCKER_CONTENT_TRUST_SERVER: rig.notary.url };
    const captured = captureIo(home.root, env);
    const keyArgs = keys.flatMap((key) => ['--key', key]);
    const args = ['verify', '--format', 'json', '--ca-file', rig.tls.caFile, ...keyArgs, ...refs];
    const status = await runCli(args, captured.io);
    return { status, rows: JSON.parse(captured.stdout()) as VerifyRow[] };
  }

  const pushed = (tag: string) => {
    const image = rig.pushed.find((p) => p.registry === 'http' && p.repo === 'demo/app' && p.tag === tag);
    if (image === undefined) throw new Error(`the rig pushed no demo/app:${tag}`);
    return image;
  };

  describe('when the image is signed by the key given', () => {
    it('verifies it and exits 0', async () => {
      const { status, rows } = await verifyJson([cosign.keyFile], `${http}/demo/app:v1`);
      expect(status).toBe(0);
      expect(rows[0]?.cosign).toMatchObject({ signed: true, verified: true, codes: [] });
      expect(rows[0]?.cosign?.signatures).toEqual([
        expect.objectContaining({ level: 'manifest', digest: pushed('v1').digest }),
      ]);
    });

    it('reports an index signed at the index and at its linux/amd64 manifest', async () => {
      const { rows } = await verifyJson([cosign.keyFile], `${http}/demo/app:multi`);
      expect(rows[0]?.cosign?.verified).toBe(true);
      expect(rows[0]?.cosign?.signatures.map((s) => [s.level, s.platform])).toEqual([
        ['index', undefined],
        ['platform', 'linux/amd64'],
      ]);
    });
  });

  it('fails with COSIGN_UNTRUSTED_KEY when another key signed the image', async () => {
    const { status, rows } = await verifyJson([cosign.keyFile], `${http}/demo/app:v2`);
    expect(status).toBe(1);
    expect(rows[0]?.cosign).toMatchObject({ signed: true, verified: false, codes: ['COSIGN_UNTRUSTED_KEY'] });
  });

  it('verifies with the second key and warns with COSIGN_REFERENCE_MISMATCH for the other repository', async () => {
    const { rows } = await verifyJson([cosign.keyFile, cosign.otherKeyFile], `${http}/demo/app:latest`);
    expect(rows[0]?.cosign).toMatchObject({ verified: true, failures: [], codes: ['COSIGN_REFERENCE_MISMATCH'] });
  });

  it('fails with COSIGN_NOT_SIGNED for an image without a .sig tag', async () => {
    const { status, rows } = await verifyJson([cosign.keyFile], `${http}/demo/tool:1.0`);
    expect(status).toBe(1);
    expect(rows[0]?.cosign).toMatchObject({ signed: false, verified: false, codes: ['COSIGN_NOT_SIGNED'] });
  });

  it('fails with COSIGN_DIGEST_MISMATCH for a signature copied from another digest', async () => {
    const { status, rows } = await verifyJson([cosign.keyFile], `${http}/demo/app:v1-docker`);
    expect(status).toBe(1);
    expect(rows[0]?.cosign).toMatchObject({ signed: true, verified: false, codes: ['COSIGN_DIGEST_MISMATCH'] });
  });

  it('fails with COSIGN_TLOG_MISSING under --require-tlog for a key signature without a Rekor entry', async () => {
    const { status, rows } = await verifyJson([cosign.keyFile], '--require-tlog', `${http}/demo/app:v1`);
    expect(status).toBe(1);
    expect(rows[0]?.cosign).toMatchObject({ signed: true, verified: false, codes: ['COSIGN_TLOG_MISSING'] });
  });

  it('leaves cosign out without --key', async () => {
    const { rows } = await verifyJson([], `${http}/demo/app:v1`);
    expect(rows[0]?.cosign).toBeNull();
  });

  it('refuses a key file that is not a public key with exit 2', async () => {
    const captured = captureIo(home.root, { HOME: home.root });
    expect(await runCli(['verify', '--key', `${home.root}/not-a-key.pem`, `${http}/demo/app:v1`], captured.io)).toBe(2);
  });

  it('prints the signature levels and codes as text', async () => {
    const captured = captureIo(home.root, { HOME: home.root, XDG_CACHE_HOME: `${home.root}/cache` });
    const args = ['verify', '--notary-server', rig.notary.url, '--key', cosign.keyFile];
    const status = await runCli([...args, `${http}/demo/app:multi`, `${http}/demo/app:v1-docker`], captured.io);
    expect(status).toBe(1);
    expect(captured.stdout()).toMatch(/cosign +verified/);
    expect(captured.stdout()).toMatch(/signature +platform +linux\/amd64/);
    expect(captured.stdout()).toContain('[COSIGN_DIGEST_MISMATCH]');
  });
});
