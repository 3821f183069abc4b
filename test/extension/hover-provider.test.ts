import { describe, expect, it, vi } from 'vitest';
import type * as vscode from 'vscode';
import type { DctResult } from '../../src/core/trust/notary';
import { DocumentScans } from '../../src/extension/document-scans';
import { createHoverProvider } from '../../src/extension/hover-provider';
import { cancellableToken } from './cancellation';
import { cosignEvidence, unsignedEvidence } from '../core/features/feature-fixtures';
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

  describe('while the registry is slow', () => {
    it('aborts the request when VS Code cancels the hover and nobody else waits for it', async () => {
      const services = serviceWith('pending');
      const provider = createHoverProvider(new DocumentScans(), services);
      const { token, cancel } = cancellableToken();
      const hover = provider.provideHover(document, new Position(0, 8) as unknown as vscode.Position, token);
      await expect.poll(() => services.signals.length).toBe(1);
      cancel();
      expect(await hover).toBeUndefined();
      expect(services.signals[0]?.aborted).toBe(true);
    });

    it('keeps resolving after it says so, and the next hover has the digest', async () => {
      const services = serviceWith('pending');
      const provider = createHoverProvider(new DocumentScans(), services);
      const at = new Position(0, 8) as unknown as vscode.Position;
      const first = (await provider.provideHover(document, at, neverCancelled)) as unknown as Hover;
      expect(first.contents.value).toContain('Resolving');
      services.answerPending();
      const { store } = services.current();
      await expect.poll(() => store.lookup('docker.io/library/alpine:3.19')?.kind).toBe('resolved');
      const next = (await provider.provideHover(document, at, neverCancelled)) as unknown as Hover;
      expect(next.contents.value).toContain(`Digest: \`${DIGEST}\``);
      expect(services.signals[0]?.aborted).toBe(false);
    });
  });

  it('shows which key signed the digest once cosign is verified', async () => {
    const signatures = [{ keyId: 'ab12cd34ef56ab12cd34', level: 'manifest', digest: DIGEST }] as const;
    const evidence = cosignEvidence({ signatures: [...signatures] });
    const provider = createHoverProvider(new DocumentScans(), serviceWith('resolved', undefined, evidence));
    const hover = (await provider.provideHover(
      document,
      new Position(0, 8) as unknown as vscode.Position,
      neverCancelled,
    )) as unknown as Hover;
    expect(hover.contents.value).toContain('cosign: verified');
    expect(hover.contents.value).toContain('manifest signed by key `ab12cd34ef56ab12`');
  });

  it('reports an unsigned image as a finding when cosign keys are configured', async () => {
    const evidence = unsignedEvidence(DIGEST);
    const provider = createHoverProvider(new DocumentScans(), serviceWith('resolved', undefined, evidence));
    const text = (
      (await provider.provideHover(
        document,
        new Position(0, 8) as unknown as vscode.Position,
        neverCancelled,
      )) as unknown as Hover
    ).contents.value;
    expect(text).toContain('cosign: not signed');
    expect(text).toContain('**warning** `COSIGN_NOT_SIGNED`');
  });
});
