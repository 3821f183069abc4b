import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { injectRig } from '../rig/inject-rig';
import { checkWorkspaces, rigImage } from './check-support';

describe('image-trust check --pin (verify-then-pin) against the rig', () => {
  const rig = injectRig();
  const { open, cosign, http } = checkWorkspaces(rig);

  it('writes exactly the digest it verified, and refuses references that failed verification', async () => {
    const ws = await open({
      Dockerfile: `FROM ${http}/demo/app:v1\nFROM ${http}/demo/tool:1.0\n`,
      'compose.yaml': `services:\n  web:\n    image: ${http}/demo/app:multi # the index\n`,
      '.image-trust.yaml': 'signatures:\n  require: cosign\n  keys: [cosign.pub]\n',
      'cosign.pub': await readFile(cosign.keyFile, 'utf8'),
    });
    const { status, report } = await ws.json(ws.root, '--pin', '--fail-on', 'warning');
    const v1 = rigImage(rig, 'v1').digest;
    const multi = rigImage(rig, 'multi').digest;
    expect(await ws.read('Dockerfile')).toBe(`FROM ${http}/demo/app:v1@${v1}\nFROM ${http}/demo/tool:1.0\n`);
    expect(await ws.read('compose.yaml')).toBe(
      `services:\n  web:\n    image: ${http}/demo/app:multi@${multi} # the index\n`,
    );
    const verified = report.evidence.filter((e) => e.cosign?.verified).map((e) => e.digest);
    expect(verified.sort()).toEqual([v1, multi].sort());
    expect(report.pinned.map((p) => p.newText).sort()).toEqual([
      `${http}/demo/app:multi@${multi}`,
      `${http}/demo/app:v1@${v1}`,
    ]);
    // The unsigned image keeps its findings (and so the exit status); the pinned ones are no longer unpinned.
    expect(report.findings.map((f) => [f.text, f.code])).toEqual([
      [`${http}/demo/tool:1.0`, 'IMAGE_UNPINNED'],
      [`${http}/demo/tool:1.0`, 'SIGNATURE_REQUIRED'],
    ]);
    expect(status).toBe(1);
  });

  it('exits 0 once every unpinned reference was verified and pinned', async () => {
    const ws = await open({ Dockerfile: `FROM ${http}/demo/app:v2\n` });
    const { status, stdout } = await ws.check(ws.root, '--pin', '--fail-on', 'warning');
    expect(stdout).toContain('1 reference pinned in 1 file');
    expect(status).toBe(0);
    const again = await ws.json(ws.root, '--fail-on', 'warning');
    expect(again.report.findings).toEqual([]);
  });
});
