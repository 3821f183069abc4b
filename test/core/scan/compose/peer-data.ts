/** Reads compose-go peer vectors in place: `../shared/peer-data/compose-go` beside the repository root. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');

export const COMPOSE_GO_DIR = resolve(repoRoot, '../shared/peer-data/compose-go');

export function peerPath(relative: string): string {
  return resolve(COMPOSE_GO_DIR, relative);
}

export function readPeerText(relative: string): string {
  return readFileSync(peerPath(relative), 'utf8');
}

export function readPeerJson<T>(relative: string): T {
  return JSON.parse(readPeerText(relative)) as T;
}
