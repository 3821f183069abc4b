import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { writeDemoWorkspace } from '../../scripts/demo-workspace';
import { injectRig } from '../rig/inject-rig';
import { captureIo } from '../support/capture-io';
import type { CheckJson } from './check-support';
import { rm } from 'node:fs/promises';

describe('the workspace `npm run demo` checks', () => {
  const rig = injectRig();
  let dir: string | undefined;
  afterEach(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

  it('shows every kind of finding, and nothing for the pinned and signed reference', async () => {
    if (!rig.cosign) throw new Error('the shared rig made no cosign signatures');
    dir = await writeDemoWorkspace(rig, rig.cosign.keyFile);
    const env = { HOME: dir, XDG_CACHE_HOME: `${dir}/.cache`, DOCKER_CONFIG: `${dir}/.docker` };
    const captured = captureIo(dir, env);
    const args = ['check', '.', '--format', 'json', '--ca-file', rig.tls.caFile, '--notary-server', rig.notary.url];
    const status = await runCli(args, captured.io);
    const report = JSON.parse(captured.stdout()) as CheckJson;
    expect(status).toBe(1);
    const shown = new Set(report.findings.filter((f) => !f.suppressed).map((f) => f.code));
    expect([...shown].sort()).toEqual(
      [
        'COSIGN_DIGEST_MISMATCH',
        'COSIGN_UNTRUSTED_KEY',
        'DCT_DIGEST_MISMATCH',
        'EXCEPTION_EXPIRED',
        'IGNORE_WITHOUT_REASON',
        'IMAGE_UNPINNED',
        'PIN_OUTDATED',
        'REF_INVALID',
        'SIGNATURE_REQUIRED',
      ].sort(),
    );
    expect(report.findings.filter((f) => f.suppressed).map((f) => [f.file, f.code])).toEqual([
      ['compose.yaml', 'IMAGE_UNPINNED'],
    ]);
    expect(report.findings.filter((f) => f.file === 'Dockerfile' && f.line === 2)).toEqual([]);
  });
});
