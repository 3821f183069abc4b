import type * as vscode from 'vscode';

/** A CancellationToken the test cancels, as VS Code cancels a hover when the mouse moves away. */
export function cancellableToken(): { token: vscode.CancellationToken; cancel(): void } {
  const listeners = new Set<() => void>();
  const state = { isCancellationRequested: false };
  const token = {
    get isCancellationRequested() {
      return state.isCancellationRequested;
    },
    onCancellationRequested: (listener: () => void) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
  };
  const cancel = () => {
    state.isCancellationRequested = true;
    for (const listener of listeners) listener();
  };
  return { token: token as unknown as vscode.CancellationToken, cancel }; // the members the adapters use
}
