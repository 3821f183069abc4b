import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MetadataRequest, MetadataSource } from '../../../../src/core/trust/notary/ports';

/** ../shared/peer-data/notary, read in place beside the repository (README §4). */
export const NOTARY_PEER_DATA = fileURLToPath(new URL('../../../../../shared/peer-data/notary/', import.meta.url));

export const CONNAISSEUR = `${NOTARY_PEER_DATA}connaisseur-notaryv1/`;
export const COMPAT = {
  'notary0.1': {
    gun: 'docker.com/notary0.1/samplerepo',
    dir: `${NOTARY_PEER_DATA}theupdateframework-notary/fixtures/compatibility/notary0.1/tuf/docker.com/notary0.1/samplerepo/metadata/`,
  },
  'notary0.3': {
    gun: 'docker.com/notary0.3/tst',
    dir: `${NOTARY_PEER_DATA}theupdateframework-notary/fixtures/compatibility/notary0.3/tuf/docker.com/notary0.3/tst/metadata/`,
  },
} as const;

export function readBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

/**
 * A notary server over a directory of role files, lying as a proxy would: it serves `<role>.json` for any
 * checksum, so hash checks are the client's. `replace` swaps a role's bytes; `requests` records what was asked.
 */
export function directorySource(dir: string, replace: Record<string, Uint8Array> = {}) {
  const requests: MetadataRequest[] = [];
  const source: MetadataSource = {
    async fetch(request) {
      requests.push(request);
      const name = request.version === undefined ? request.role : `${request.version}.${request.role}`;
      try {
        return replace[name] ?? readBytes(`${dir}${name}.json`);
      } catch {
        return undefined;
      }
    },
  };
  return { source, requests };
}
