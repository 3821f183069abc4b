import { spawn } from 'node:child_process';
import { DEFAULTS } from '../core/registry/defaults';
import type { Exec } from '../core/registry/ports';

/**
 * Runs a program without a shell, writes `stdin` and collects capped output. A missing program rejects with
 * the spawn error (`code: 'ENOENT'`); an abort kills the child and rejects with the signal's reason.
 */
export function createExec(
  baseEnv: NodeJS.ProcessEnv = process.env,
  maxOutputBytes: number = DEFAULTS.maxHelperOutputBytes,
): Exec {
  return (file, args, { env, signal, stdin }) =>
    new Promise((resolve, reject) => {
      const child = spawn(file, args, { env: env ?? baseEnv, signal, stdio: ['pipe', 'pipe', 'pipe'] });
      const stdout = collect(child.stdout, maxOutputBytes, () => child.kill());
      const stderr = collect(child.stderr, maxOutputBytes, () => child.kill());
      child.once('error', (error) => reject(signal?.aborted ? signal.reason : error));
      child.once('close', (code) => resolve({ code: code ?? -1, stdout: stdout.text(), stderr: stderr.text() }));
      // A helper that exits without reading stdin makes the write fail with EPIPE: its exit status says more.
      child.stdin.once('error', () => undefined);
      child.stdin.end(stdin ?? '');
    });
}

function collect(stream: NodeJS.ReadableStream, max: number, overflow: () => void) {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > max) overflow();
    else chunks.push(chunk);
  });
  return { text: () => Buffer.concat(chunks).toString('utf8') };
}
