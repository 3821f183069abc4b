import * as vscode from 'vscode';
import { computeHover } from '../core/features/compute-hover';
import { referenceAt } from '../core/features/position';
import type { DocumentScans } from './document-scans';
import type { ServiceSource } from './services';
import { fromPosition, toRange } from './to-vscode';

/**
 * A hover waits this long for a tag being resolved, then says it is resolving (it never blocks for long); the
 * resolution goes on, so the next hover has the answer, and the diagnostics update when it arrives.
 */
const HOVER_WAIT_MS = 800;

function toHover(markdown: string, range: vscode.Range): vscode.Hover {
  const content = new vscode.MarkdownString(markdown, true);
  content.isTrusted = false;
  return new vscode.Hover(content, range);
}

function abortOn(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}

export function createHoverProvider(scans: DocumentScans, services: ServiceSource): vscode.HoverProvider {
  return {
    async provideHover(document, position, token) {
      const scan = await scans.get(document);
      if (!scan || token.isCancellationRequested) return undefined;
      const at = fromPosition(position);
      const { store } = services.current();
      const first = computeHover(scan.refs, at, store.lookup);
      if (!first?.pending) return first ? toHover(first.markdown, toRange(first.range)) : undefined;
      const reference = referenceAt(scan.refs, at)?.reference;
      if (reference) {
        const waited = new Promise<void>((done) => setTimeout(done, HOVER_WAIT_MS));
        await Promise.race([store.ensure([reference], abortOn(token)), waited]);
      }
      const hover = computeHover(scan.refs, at, store.lookup) ?? first;
      return toHover(hover.markdown, toRange(hover.range));
    },
  };
}
