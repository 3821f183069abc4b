import type * as vscode from 'vscode';

/**
 * An AbortSignal that follows a CancellationToken, for the core's requests. `dispose` stops following it (the
 * listener is not left on a long-lived token); the signal then stays as it is.
 */
export function abortOn(token: vscode.CancellationToken): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  const listener = token.onCancellationRequested(() => controller.abort());
  return { signal: controller.signal, dispose: () => listener.dispose() };
}
