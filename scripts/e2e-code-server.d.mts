export interface CodeServer {
  /** Opens the workspace folder: http://127.0.0.1:PORT/?folder=... */
  url: string;
  port: number;
  /** The temporary HOME of the server (user data, extensions). */
  home: string;
  stop(): Promise<void>;
}

export function ensureCodeServer(): { server: string; node: string };

export function startCodeServer(options: {
  workspace: string;
  restricted?: boolean;
  settings?: Record<string, unknown>;
  /** Added to the server's environment (the extension host inherits it). */
  env?: Record<string, string>;
  /** Directories put first on the PATH of the server and its extension host. */
  path?: string[];
  log?: 'ignore' | 'inherit';
}): Promise<CodeServer>;
