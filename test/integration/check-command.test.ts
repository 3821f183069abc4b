import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { injectRig } from '../rig/inject-rig';
import { sarifErrors } from '../cli/check-sarif-validator';
import { checkWorkspaces, rigImage } from './check-support';

describe('image-trust check against the rig', () => {
  const rig = injectRig();
  const { open, cosign, http } = checkWorkspaces(rig);
  const requireCosign = `signatures:\n  require: cosign\n  keys: [cosign.pub]\n`;
  const keyFiles = async () => ({ 'cosign.pub': await readFile(cosign.keyFile, 'utf8') });

  describe('when every reference is pinned and signed by the policy key', () => {
    it('exits 0 with no findings and the verified evidence', async () => {
      const v1 = rigImage(rig, 'v1');
      const ws = await open({
        Dockerfile: `FROM ${http}/demo/app:v1@${v1.digest}\n`,
        '.image-trust.yaml': requireCosign,
        ...(await keyFiles()),
      });
      const { status, report } = await ws.json(ws.root);
      expect(status).toBe(0);
      expect(report.findings).toEqual([]);
      expect(report.evidence).toMatchObject([{ digest: v1.digest, cosign: { verified: true } }]);
    });
  });

  describe('when the policy holds the key as PEM text', () => {
    it('verifies with it as with a key file', async () => {
      const v1 = rigImage(rig, 'v1');
      const pem = (await readFile(cosign.keyFile, 'utf8')).trim().split('\n');
      const inline = `signatures:\n  require: cosign\n  keys:\n    - |\n${pem.map((line) => `      ${line}`).join('\n')}\n`;
      const ws = await open({ Dockerfile: `FROM ${http}/demo/app:v1@${v1.digest}\n`, '.image-trust.yaml': inline });
      const { status, report } = await ws.json(ws.root);
      expect(report.evidence).toMatchObject([{ cosign: { verified: true } }]);
      expect(status).toBe(0);
    });
  });

  describe('when a signature is over another digest and another image is unsigned', () => {
    it('exits 1 with COSIGN_DIGEST_MISMATCH and SIGNATURE_REQUIRED as errors', async () => {
      const ws = await open({
        Dockerfile: `FROM ${http}/demo/app:v1-docker\nFROM ${http}/demo/tool:1.0\n`,
        '.image-trust.yaml': requireCosign,
        ...(await keyFiles()),
      });
      const { status, report } = await ws.json(ws.root);
      expect(status).toBe(1);
      const errors = report.findings.filter((f) => f.severity === 'error').map((f) => [f.line, f.code]);
      expect(errors).toEqual([
        [1, 'SIGNATURE_REQUIRED'],
        [1, 'COSIGN_DIGEST_MISMATCH'],
        [2, 'SIGNATURE_REQUIRED'],
      ]);
    });
  });

  describe('when references are pinned', () => {
    it('verifies a digest-only reference, and reports a pin the registry does not serve', async () => {
      const v1 = rigImage(rig, 'v1');
      const gone = `sha256:${'0'.repeat(64)}`;
      const ws = await open({
        Dockerfile: `FROM ${http}/demo/app@${v1.digest}\nFROM ${http}/demo/app:v1@${gone}\n`,
        '.image-trust.yaml': requireCosign,
        ...(await keyFiles()),
      });
      const { status, report } = await ws.json(ws.root);
      expect(report.evidence).toMatchObject([{ line: 1, digest: v1.digest, cosign: { verified: true } }]);
      expect(report.findings.map((f) => [f.line, f.code, f.severity])).toEqual([[2, 'REGISTRY_NOT_FOUND', 'error']]);
      expect(status).toBe(1);
    });
  });

  describe('with a notary server', () => {
    it('reports DCT signed by the publisher as nothing, and a stale DCT signature as DCT_DIGEST_MISMATCH', async () => {
      const ws = await open({
        'compose.yaml': `services:\n  a:\n    image: ${http}/demo/app:v2\n  b:\n    image: ${http}/demo/app:v1-docker\n`,
      });
      const { status, report } = await ws.json(ws.root, '--notary-server', rig.notary.url);
      expect(status).toBe(1);
      expect(report.findings.map((f) => [f.line, f.code, f.severity])).toEqual([
        [3, 'IMAGE_UNPINNED', 'warning'],
        [5, 'IMAGE_UNPINNED', 'warning'],
        [5, 'DCT_DIGEST_MISMATCH', 'error'],
      ]);
      expect(report.evidence[0]?.dct).toMatchObject({ signed: true });
    });
  });

  describe('--fail-on', () => {
    it('exits 0 for warnings by default and 1 with --fail-on warning', async () => {
      const ws = await open({ Dockerfile: `FROM ${http}/demo/app:v1\n` });
      expect((await ws.check(ws.root)).status).toBe(0);
      expect((await ws.check(ws.root, '--fail-on', 'warning')).status).toBe(1);
    });
  });

  describe('noise control', () => {
    it('ignores a finding with an ignore comment that gives a reason, and keeps it in the JSON', async () => {
      const ws = await open({
        Dockerfile: `# image-trust: ignore IMAGE_UNPINNED -- the demo tracks the tag\nFROM ${http}/demo/app:v1\n`,
      });
      const { status, report } = await ws.json(ws.root, '--fail-on', 'warning');
      expect(status).toBe(0);
      expect(report.findings).toMatchObject([{ code: 'IMAGE_UNPINNED', suppressed: { kind: 'ignore-comment' } }]);
      expect(report.summary).toMatchObject({ warning: 0, suppressed: 1 });
    });
  });

  describe('text output', () => {
    it('groups findings by file, without colours when not on a terminal', async () => {
      const ws = await open({
        Dockerfile: `FROM ${http}/demo/app:v1\n`,
        'b/compose.yaml': `services:\n  a:\n    image: ${http}/demo/tool:1.0\n`,
      });
      const { stdout } = await ws.check(ws.root);
      expect(stdout).toMatch(/^Dockerfile\n {2}1:6 +warning +IMAGE_UNPINNED/m);
      expect(stdout).toMatch(/^b\/compose\.yaml\n {2}3:12 +warning +IMAGE_UNPINNED/m);
      expect(stdout).toContain('2 references checked: 0 errors, 2 warnings, 0 information');
      expect(stdout).not.toContain('\u001b[');
    });
  });

  describe('progress', () => {
    it('goes to stderr with --progress, and is silent off a terminal without it', async () => {
      const ws = await open({ Dockerfile: `FROM ${http}/demo/app:v1\n` });
      const quiet = await ws.check(ws.root);
      expect(quiet.stderr).toBe('');
      const loud = await ws.check(ws.root, '--progress');
      expect(loud.stderr).toContain('image-trust: resolving 1/1');
      expect(loud.stderr).toContain('image-trust: verifying 1/1');
      expect(loud.stdout).toBe(quiet.stdout);
    });
  });

  describe('--format sarif', () => {
    it('prints valid SARIF whose results sit at the reference ranges', async () => {
      const ws = await open({ 'compose.yaml': `services:\n  a:\n    image: "${http}/demo/app:v1"\n` });
      const { stdout } = await ws.check(ws.root, '--format', 'sarif');
      const log = JSON.parse(stdout);
      expect(sarifErrors(log)).toEqual([]);
      const text = `${http}/demo/app:v1`;
      expect(log.runs[0].results[0]).toMatchObject({
        ruleId: 'IMAGE_UNPINNED',
        level: 'warning',
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'compose.yaml', uriBaseId: '%SRCROOT%' },
              region: { startLine: 3, startColumn: 13, endLine: 3, endColumn: 13 + text.length },
            },
          },
        ],
      });
    });
  });
});
