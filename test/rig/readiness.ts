import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { RigError } from './rig-error';
import type { RigProcess } from './processes';

const POLL_MS = 20;
const GIVE_UP_MS = 30_000;

export interface ReadinessCheck {
  /** PEM text of the CA for https URLs. */
  ca?: string;
  /** A header only the expected server sends, so another server that holds the port is not taken for it. */
  header?: string;
}

/** Whether the expected server answered one GET (any status counts: 401 means it is up). */
function probe(url: string, check: ReadinessCheck): Promise<boolean> {
  const request = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', ca: check.ca, timeout: 1_000 }, (res) => {
      res.resume();
      resolve(check.header === undefined || res.headers[check.header] !== undefined);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

/**
 * Polls `url` until the server answers with any HTTP status (RIG-NOTES §1). Fails early with the log tail when
 * the process died, so a bad config shows its reason instead of a timeout.
 */
export async function waitUntilServing(url: string, proc: RigProcess, check: ReadinessCheck = {}): Promise<void> {
  const deadline = Date.now() + GIVE_UP_MS;
  while (Date.now() < deadline) {
    if (proc.hasExited()) {
      throw new RigError(
        'RIG_PROCESS_EXITED',
        `${proc.name} exited with code ${proc.exitCode()} before serving ${url}. Log tail:\n${proc.logTail()}`,
      );
    }
    if ((await probe(url, check)) && !proc.hasExited()) return;
    await sleep(POLL_MS);
  }
  throw new RigError('RIG_NOT_READY', `${proc.name} did not answer ${url} within 30 s. Log tail:\n${proc.logTail()}`);
}
