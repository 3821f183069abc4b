import { describe, expect, it } from 'vitest';
import { injectRig } from '../rig/inject-rig';
import { checkWorkspaces } from './check-support';

describe('image-trust check › when it cannot do its job', () => {
  const rig = injectRig();
  const { open, http } = checkWorkspaces(rig);

  it('exits 2 on a policy typo, naming the file, line and column and the key it meant', async () => {
    const ws = await open({
      Dockerfile: `FROM ${http}/demo/app:v1\n`,
      '.image-trust.yaml': 'rules:\n  - match: { registry: "127.0.0.1:*" }\n    signatures: { requir: cosign }\n',
    });
    const { status, stdout, stderr } = await ws.check(ws.root);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      ".image-trust.yaml:3:19: unknown key 'requir' in rules[0].signatures; did you mean 'require'? [POLICY_UNKNOWN_KEY]",
    );
  });

  it('exits 2 on a policy key that cannot be read', async () => {
    const ws = await open({
      Dockerfile: `FROM ${http}/demo/app:v1\n`,
      '.image-trust.yaml': 'signatures: { keys: [missing.pub] }\n',
    });
    const { status, stderr } = await ws.check(ws.root);
    expect(status).toBe(2);
    expect(stderr).toContain('key missing.pub cannot be used');
  });

  it('exits 2 on a usage error', async () => {
    const ws = await open({ Dockerfile: `FROM ${http}/demo/app:v1\n` });
    expect((await ws.check(ws.root, '--fail-on', 'never')).status).toBe(2);
    expect((await ws.check(ws.root, '--certificate-identity', 'a@b')).status).toBe(2);
    expect((await ws.check(ws.root, '--policy', 'nope.yaml')).status).toBe(2);
    const issuerPattern = ['--certificate-identity', 'a@b', '--certificate-oidc-issuer-regexp', '.*'];
    expect((await ws.check(ws.root, ...issuerPattern)).status).toBe(2);
    const { status, stderr } = await ws.check(ws.root, '--trusted-root', 'Dockerfile');
    expect(status).toBe(2);
    expect(stderr).toContain('--trusted-root Dockerfile');
  });

  it('exits 3 when a registry cannot be reached, and says which', async () => {
    const ws = await open({ Dockerfile: `FROM ${http}/demo/app:v1\nFROM 127.0.0.1:1/gone/app:1\n` });
    const { status, report } = await ws.json(ws.root, '--timeout', '5');
    expect(status).toBe(3);
    expect(report.incomplete).toMatchObject([{ code: 'REGISTRY_NETWORK' }]);
  });

  it('exits 3 when the notary server does not answer', async () => {
    const ws = await open({ Dockerfile: `FROM ${http}/demo/app:v1\n` });
    const { status, report } = await ws.json(ws.root, '--notary-server', 'https://127.0.0.1:1', '--timeout', '5');
    expect(status).toBe(3);
    expect(report.incomplete).toMatchObject([{ code: 'TUF_UNAVAILABLE' }]);
  });
});
