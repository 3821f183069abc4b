import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { RigError } from './rig-error';

/** A server the rig spawned directly (no wrapper shell), so `pid` is the server's own. */
export interface RigProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** Null while running. */
  exitCode(): number | null;
  hasExited(): boolean;
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

const STOP_POLLS = 100;
const STOP_POLL_MS = 50;
const running = new Set<ChildProcess>();

// A crashed or interrupted test run must not leave servers behind; 'exit' handlers must be synchronous.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function readTail(logFile: string, lines: number): string {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** SIGTERM, up to 5 s of polling, then SIGKILL (RIG-NOTES §1). */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    for (let i = 0; i < STOP_POLLS && child.exitCode === null && child.signalCode === null; i++) {
      await sleep(STOP_POLL_MS);
    }
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  running.delete(child);
}

/** Spawns `file` with stdout and stderr appended to `logFile`; never waits for the server itself. */
export function startProcess(name: string, file: string, args: readonly string[], logFile: string): RigProcess {
  const fd = openSync(logFile, 'a');
  const child = spawn(file, args, { stdio: ['ignore', fd, fd] });
  closeSync(fd);
  // Without a listener a failed spawn (e.g. ENOENT) would crash the test process instead of failing this call.
  child.on('error', () => undefined);
  if (child.pid === undefined) throw new RigError('RIG_COMMAND_FAILED', `could not start ${file}`);
  running.add(child);
  child.once('exit', () => running.delete(child));
  const pid = child.pid;
  return {
    name,
    pid,
    logFile,
    exitCode: () => child.exitCode,
    hasExited: () => child.exitCode !== null || child.signalCode !== null,
    logTail: (lines = 20) => readTail(logFile, lines),
    stop: () => stopChild(child),
  };
}

/** True while a process with this PID exists (used to prove that nothing is left over). */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
