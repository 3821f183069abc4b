import type { CliIo } from '../../src/cli/cli-io';

/** A CliIo that records what a command prints, for tests that run commands in-process. */
export function captureIo(cwd: string, env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    env,
    cwd,
    isTty: false,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
