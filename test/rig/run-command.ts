import { execFile } from 'node:child_process';
import { RigError } from './rig-error';

export interface CommandResult {
  stdout: string;
  stderr: string;
}

/** Runs a short-lived tool without a shell; a failure carries the tool's stderr, which is where the reason is. */
export function runCommand(file: string, args: readonly string[], timeoutMs = 60_000): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const detail = stderr.trim() || error.message;
        reject(new RigError('RIG_COMMAND_FAILED', `${file} ${args.join(' ')} failed: ${detail}`, { cause: error }));
        return;
      }
      resolve({ stdout, stderr });
    });
  });
}
