/** What a command may touch of the process: its output streams, environment and working directory. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** True when stdout is a terminal (colours and tables for people). */
  isTty: boolean;
}

/** Exit statuses shared by every command (DESIGN: the same codes name findings and exit status). */
export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  incomplete: 3,
} as const;

export class UsageError extends Error {}
