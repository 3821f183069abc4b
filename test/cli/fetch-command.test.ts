import { describe, expect, it } from 'vitest';
import { reportText, type FetchReport } from '../../src/cli/fetch-report';
import { runCli } from '../../src/cli/run-cli';
import { captureIo } from '../support/capture-io';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

async function fetchArgs(...args: string[]) {
  const captured = captureIo('/tmp', { HOME: '/nonexistent' });
  const status = await runCli(['fetch', ...args], captured.io);
  return { status, stderr: captured.stderr() };
}

describe('image-trust fetch usage', () => {
  it.each([
    [[]],
    [['a@' + DIGEST, 'b@' + DIGEST]],
    [['alpine:3.20']],
    [[`alpine@${DIGEST}`, '--platform', 'linux']],
    [[`alpine@${DIGEST}`, '--ipfs-api', 'ftp://host']],
    [[`alpine@${DIGEST}`, '--format', 'yaml']],
  ])('exits 2 for %j', async (args) => {
    expect((await fetchArgs(...args)).status).toBe(2);
  });
});

describe('the fetch summary', () => {
  const report: FetchReport = {
    target: `alpine@${DIGEST}`,
    output: '/out',
    entries: [DIGEST],
    blobs: [
      { digest: DIGEST, mediaType: 'm', size: 10, from: 'registry', source: 'registry', cid: null, failed: [] },
      {
        digest: `sha256:${'cd'.repeat(32)}`,
        mediaType: 'l',
        size: 2048,
        from: 'ipfs',
        source: 'gateway',
        cid: 'bafyleaf',
        failed: [{ source: 'kubo-rpc', cid: 'bafyleaf', code: 'IPFS_BLOCK_INVALID' }],
      },
    ],
    error: null,
    code: null,
  };

  it('says where each blob came from and which attempts failed', () => {
    expect(reportText(report).split('\n')).toEqual([
      `alpine@${DIGEST} → /out`,
      `  sha256:abababababab          10  registry`,
      `  sha256:cdcdcdcdcdcd        2048  ipfs gateway bafyleaf (after kubo-rpc: IPFS_BLOCK_INVALID)`,
      '  1 from IPFS, 1 from the registry, 0 already present; all verified',
      '',
    ]);
  });

  it('shows the error and its code when the fetch failed', () => {
    const failed = { ...report, blobs: [], error: 'nothing verified', code: 'IPFS_DIGEST_MISMATCH' };
    expect(reportText(failed)).toBe(`alpine@${DIGEST}\n  error: nothing verified [IPFS_DIGEST_MISMATCH]\n`);
  });
});
