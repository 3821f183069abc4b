import * as values from '../extension/vscode-values';

/**
 * The few VS Code window and workspace calls the IPFS fetch command makes, recorded: the editor and its cursor,
 * the folder the user picks, a progress notification whose token the test can cancel, the messages shown, and
 * user settings. VS Code itself is the host here, not the thing under test.
 */
export const host = {
  editor: undefined as unknown,
  folder: undefined as string | undefined,
  gateways: [] as string[],
  caFiles: [] as string[],
  cancelAfterReports: Infinity,
  reports: [] as { message?: string; increment?: number }[],
  messages: [] as { level: 'info' | 'warning' | 'error'; text: string }[],
  reset() {
    Object.assign(host, {
      editor: undefined,
      folder: undefined,
      gateways: [],
      caFiles: [],
      cancelAfterReports: Infinity,
    });
    host.reports.length = 0;
    host.messages.length = 0;
  },
};

function token() {
  const listeners: (() => void)[] = [];
  const state = { isCancellationRequested: false };
  return {
    token: Object.assign(state, {
      onCancellationRequested: (listener: () => void) => (listeners.push(listener), { dispose: () => undefined }),
    }),
    cancel: () => ((state.isCancellationRequested = true), listeners.forEach((l) => l())),
  };
}

export const vscodeModule = {
  ...values,
  ProgressLocation: { Notification: 15 },
  window: {
    get activeTextEditor() {
      return host.editor;
    },
    showOpenDialog: async () => (host.folder === undefined ? undefined : [values.Uri.file(host.folder)]),
    showInformationMessage: async (text: string) => void host.messages.push({ level: 'info', text }),
    showWarningMessage: async (text: string) => void host.messages.push({ level: 'warning', text }),
    showErrorMessage: async (text: string) => void host.messages.push({ level: 'error', text }),
    withProgress: async (_options: unknown, task: (progress: unknown, token: unknown) => Promise<void>) => {
      const { token: cancellation, cancel } = token();
      const progress = {
        report: (value: { message?: string; increment?: number }) => {
          host.reports.push(value);
          if (host.reports.length >= host.cancelAfterReports) cancel();
        },
      };
      return task(progress, cancellation);
    },
  },
  workspace: {
    isTrusted: true,
    workspaceFolders: undefined,
    getConfiguration: (section: string) => ({
      inspect: (key: string) => {
        if (section === 'imageTrust.ipfs' && key === 'gateways') return { key, globalValue: host.gateways };
        return section === 'imageTrust' && key === 'caFiles' ? { key, globalValue: host.caFiles } : { key };
      },
      get: (_key: string, fallback?: unknown) => fallback,
    }),
  },
};
