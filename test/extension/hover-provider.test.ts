import { describe, expect, it, vi } from 'vitest';
import type * as vscode from 'vscode';
import type { DctResult } from '../../src/core/trust/notary';
import { DocumentScans } from '../../src/extension/document-scans';
import { createHoverProvider } from '../../src/extension/hover-provider';
import { fakeDocument, neverCancelled } from './fake-document';
import { DIGEST, serviceWith } from './provider-fixtures';
import { Position, type Hover } from './vscode-values';

vi.mock('vscode', () => import('./vscode-values'));

const document = fakeDocument('/w/Dockerfile', 'dockerfile', 'FROM alpine:3.19\n');

async function hoverAt(answer: 'resolved' | 'pending', character: number, trust?: DctResult | 'pending') {
  const provider = createHoverProvider(new DocumentScans(), serviceWith(answer, trust));
  const at = new Position(0, character) as unknown as vscode.Position;
  return (await provider.provideHover(document, at, neverCancelled)) as unknown as Hover | undefined;
}

describe('the hover provider', () => {
  it('waits briefly for the tag and shows its digest, without HTML or commands', async () => {
    const hover = await hoverAt('resolved', 8);
    expect(hover?.contents.value).toContain(`Digest: \`${DIGEST}\``);
    expect(hover?.contents.isTrusted).toBe(false);
    expect(hover?.range.start).toEqual({ line: 0, character: 5 });
  });

  it('says it is resolving when the registry is slow, without blocking for long', async () => {
    const started = Date.now();
    const hover = await hoverAt('pending', 8);
    expect(hover?.contents.value).toContain('Resolving');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('shows the signer, role expiries and trust findings once DCT is verified', async () => {
    const failures = [{ code: 'DCT_DIGEST_MISMATCH', message: 'The signed digest differs.' }];
    const trust: DctResult = {
      gun: 'docker.io/library/alpine',
      signed: true,
      signers: ['targets/releases'],
      expires: { root: '2036-11-30', targets: '2029-11-30' },
      certificates: [],
      warnings: [],
      failures,
      codes: ['DCT_DIGEST_MISMATCH'],
    };
    const text = (await hoverAt('resolved', 8, trust))?.contents.value;
    expect(text).toContain('signed by `targets/releases`');
    expect(text).toContain('| `root` | `2036-11-30` |');
    expect(text).toContain('`DCT_DIGEST_MISMATCH`');
  });

  it('says it is verifying when the notary server is slow, without blocking for long', async () => {
    const started = Date.now();
    const hover = await hoverAt('resolved', 8, 'pending');
    expect(hover?.contents.value).toContain('Verifying Docker Content Trust');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('shows nothing away from a reference', async () => {
    expect(await hoverAt('resolved', 1)).toBeUndefined();
  });
});
