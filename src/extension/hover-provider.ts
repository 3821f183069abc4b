import * as vscode from 'vscode';
import { computeHover } from '../core/features/compute-hover';
import { referenceAt } from '../core/features/position';
import { resolvedOf } from '../core/features/resolved-of';
import { trustFindings, trustHoverLines } from '../core/features/trust-findings';
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
      const { store, dct } = services.current();
      const hoverNow = () => {
        const ref = referenceAt(scan.refs, at);
        const trust = ref ? trustFindings([ref], store.lookup, dct.lookup) : [];
        return computeHover(scan.refs, at, store.lookup, trust, (r) => trustHoverLines(r, store.lookup, dct.lookup));
      };
      const first = hoverNow();
      const ref = referenceAt(scan.refs, at);
      const known = !first?.pending && resolvedOf(ref ? [ref] : [], store.lookup).every((r) => dct.settled(r));
      if (!first || !ref?.reference || known) return first ? toHover(first.markdown, toRange(first.range)) : undefined;
      // One wait for both: the tag's digest, then that digest's trust data; whatever is late says so.
      const signal = abortOn(token);
      const reference = ref.reference;
      const settled = (async () => {
        await store.ensure([reference], signal);
        await dct.ensure(resolvedOf([ref], store.lookup), signal);
      })();
      const waited = new Promise<void>((done) => setTimeout(done, HOVER_WAIT_MS));
      await Promise.race([settled, waited]);
      const hover = hoverNow() ?? first;
      return toHover(hover.markdown, toRange(hover.range));
    },
  };
}
