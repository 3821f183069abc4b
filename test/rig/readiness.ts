import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { RigError } from './rig-error';
import type { RigProcess } from './processes';

const POLL_MS = 20;
const GIVE_UP_MS = 30_000;

/** Resolves with the status of one GET, or null when nothing answered yet. */
function probe(url: string, ca: string | undefined): Promise<number | null> {
  const request = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', ca, timeout: 1_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? null);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
    req.end();
  });
}

/**
 * Polls `url` until any HTTP status answers (401 included: the server is up). Fails early with the log tail
 * when the process died, so a bad config shows its reason instead of a timeout. `ca` is PEM text.
 */
export async function waitUntilServing(url: string, proc: RigProcess, ca?: string): Promise<void> {
  const deadline = Date.now() + GIVE_UP_MS;
  while (Date.now() < deadline) {
    if (proc.hasExited()) {
      throw new RigError(
        'RIG_PROCESS_EXITED',
        `${proc.name} exited with code ${proc.exitCode()} before serving ${url}. Log tail:\n${proc.logTail()}`,
      );
    }
    if ((await probe(url, ca)) !== null) return;
    await sleep(POLL_MS);
  }
  throw new RigError('RIG_NOT_READY', `${proc.name} did not answer ${url} within 30 s. Log tail:\n${proc.logTail()}`);
}
