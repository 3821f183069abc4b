import * as vscode from 'vscode';
import type { HoverData } from '../core/features/compute-hover';
import { computeHoverAt } from '../core/features/hover-at';
import { referenceAt, type Position } from '../core/features/position';
import { ensureEvidence, evidenceSettled } from '../core/features/reference-evidence';
import { abortOn } from './abort-on';
import type { DocumentScans, FileScan } from './document-scans';
import { judgeContext } from './file-findings';
import type { RegistryService } from './registry-service';
import type { ServiceSource } from './services';
import { fromPosition, toRange } from './to-vscode';

/**
 * A hover waits this long for a tag being resolved, then says it is resolving (it never blocks for long); the
 * resolution goes on, so the next hover has the answer, and the diagnostics update when it arrives.
 */
export const HOVER_WAIT_MS = 800;

function toHover(data: HoverData): vscode.Hover {
  const content = new vscode.MarkdownString(data.markdown, true);
  content.isTrusted = false;
  return new vscode.Hover(content, toRange(data.range));
}

function hoverNow(scan: FileScan, at: Position, service: RegistryService): HoverData | null {
  return computeHoverAt(scan.refs, at, service.lookups, judgeContext(scan, service));
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), done()), { once: true });
  });
}

export function createHoverProvider(scans: DocumentScans, services: ServiceSource): vscode.HoverProvider {
  return {
    async provideHover(document, position, token) {
      const scan = await scans.get(document);
      if (!scan || token.isCancellationRequested) return undefined;
      const at = fromPosition(position);
      const service = services.current();
      const ref = referenceAt(scan.refs, at);
      const first = hoverNow(scan, at, service);
      if (!ref || !first) return undefined;
      if (!first.pending && evidenceSettled(ref, service)) return toHover(first);
      // One short wait for whatever is missing. A hover VS Code cancels meanwhile aborts its requests (unless the
      // diagnostics want them too); once the hover is shown, the work goes on so the next hover has the answer.
      const { signal, dispose } = abortOn(token);
      const waited = new AbortController();
      try {
        await Promise.race([ensureEvidence([ref], service, signal), delay(HOVER_WAIT_MS, waited.signal)]);
      } finally {
        waited.abort();
        dispose();
      }
      if (token.isCancellationRequested) return undefined;
      return toHover(hoverNow(scan, at, service) ?? first);
    },
  };
}
