import { describe, expect, it } from 'vitest';
import { injectRig } from '../rig/inject-rig';
import { checkWorkspaces } from './check-support';

describe('image-trust check with keyless identities from the policy', () => {
  const rig = injectRig();
  const { open } = checkWorkspaces(rig);
  const sigstore = rig.sigstore;
  if (sigstore === undefined) throw new Error('the shared rig made no Sigstore signatures');
  const image = `${sigstore.repository}:keyless-index@${sigstore.digests['keyless-index']}`;
  const policy = (subject: string) =>
    `rules:\n  - match: { repository: "${sigstore.repository}" }\n    signatures:\n      require: cosign\n      identities:\n        - subject: "${subject}"\n          issuer: ${sigstore.issuer}\n`;
  const check = async (subject: string) => {
    const ws = await open({ Dockerfile: `FROM ${image}\n`, '.image-trust.yaml': policy(subject) });
    return ws.json(ws.root, '--trusted-root', sigstore.trustedRootFile);
  };

  it('passes an image signed keylessly by the identity the rule names', async () => {
    const { status, report } = await check(sigstore.identity);
    expect(report.findings).toEqual([]);
    expect(report.evidence[0]?.cosign).toMatchObject({ verified: true });
    expect(status).toBe(0);
  });

  it('fails when the rule names only a prefix of the signer, and says the image is attested', async () => {
    const { status, report } = await check(sigstore.identity.slice(0, sigstore.identity.indexOf('@')));
    expect(report.findings.map((f) => [f.code, f.severity])).toEqual([
      ['SIGNATURE_REQUIRED', 'error'],
      ['COSIGN_IDENTITY_MISMATCH', 'error'],
      ['IMAGE_ATTESTED_UNSIGNED', 'information'],
    ]);
    expect(status).toBe(1);
  });
});
