import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SignatureSource } from '../../../../src/core/trust/sigstore';
import { parseCosignKey, signatureTag, type CosignKey } from '../../../../src/core/trust/sigstore';

/** ../shared/peer-data/sigstore, read in place beside the repository (README §5). */
export const SIGSTORE_PEER_DATA = fileURLToPath(new URL('../../../../../shared/peer-data/sigstore/', import.meta.url));

const CONNAISSEUR = `${SIGSTORE_PEER_DATA}connaisseur-cosign/`;
const TESTIMAGE = `${CONNAISSEUR}securesystemsengineering/testimage/`;
const CONTAINERS_IMAGE = `${SIGSTORE_PEER_DATA}containers-image/fixtures/`;

export const sha256 = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

const EMPTY_INDEX = Buffer.from('{"schemaVersion":2,"manifests":[]}');

/**
 * The rest of a source for fixtures that hold only `.sig` tags: no referrers, and manifests from `manifests`
 * (an index without attestation manifests for any other digest).
 */
export function sigTagsOnly(
  manifests: ReadonlyMap<string, Uint8Array> = new Map(),
): Pick<SignatureSource, 'fetchReferrers' | 'fetchManifest'> {
  return {
    fetchReferrers: async () => undefined,
    fetchManifest: async (digest) => manifests.get(digest) ?? EMPTY_INDEX,
  };
}

export function readKey(path: string): CosignKey {
  return parseCosignKey(readFileSync(path, 'utf8'), path);
}

export const connaisseurKey = (name: 'alice' | 'bob' | 'charlie' | 'default') => readKey(`${CONNAISSEUR}${name}.key`);
export const containersImageKey = (name: 'cosign' | 'cosign2') => readKey(`${CONTAINERS_IMAGE}${name}.pub`);

/** connaisseur's mock registry: `manifests/<tag>.json`, `manifests/sha256-<hex>.sig.json`, `blobs/sha256:<hex>.json`. */
export const connaisseurSource: SignatureSource = {
  fetchSignatureManifest: async (digest) => {
    const path = `${TESTIMAGE}manifests/${signatureTag(digest)}.json`;
    return existsSync(path) ? readFileSync(path) : undefined;
  },
  fetchPayload: async (layer) => readFileSync(`${TESTIMAGE}blobs/${layer.digest}.json`),
  ...sigTagsOnly(),
};

/** The digest of a connaisseur test image: sha256 of the manifest file as stored. */
export const connaisseurDigest = (tag: string) => sha256(readFileSync(`${TESTIMAGE}manifests/${tag}.json`));

interface DirSignature {
  mimeType: string;
  payload: string;
  annotations: Record<string, string>;
}

/**
 * A containers/image `dir:` fixture as a registry would hold it: `signature-N` files (0x00, `sigstore-json\n`,
 * JSON) become the layers of a `.sig` manifest under the digest of `manifest.json`; `mutate` may alter each layer's
 * annotations (a tampered registry).
 */
export function containersImageFixture(
  dir: string,
  mutate: (annotations: Record<string, string>) => Record<string, string> = (a) => a,
): { digest: string; source: SignatureSource } {
  const path = `${CONTAINERS_IMAGE}${dir}/`;
  const digest = sha256(readFileSync(`${path}manifest.json`));
  const payloads = new Map<string, Uint8Array>();
  const files = readdirSync(path)
    .filter((name) => name.startsWith('signature-'))
    .sort();
  const layers = files.map((name) => {
    const text = readFileSync(`${path}${name}`, 'utf8');
    const signature = JSON.parse(text.slice(text.indexOf('\n') + 1)) as DirSignature;
    const payload = Buffer.from(signature.payload, 'base64');
    payloads.set(sha256(payload), payload);
    return {
      mediaType: signature.mimeType,
      digest: sha256(payload),
      size: payload.length,
      annotations: mutate(signature.annotations),
    };
  });
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, layers }));
  return {
    digest,
    source: {
      fetchSignatureManifest: async (wanted) => (wanted === digest ? manifest : undefined),
      fetchPayload: async (layer) => payloads.get(layer.digest) ?? new Uint8Array(),
      ...sigTagsOnly(),
    },
  };
}
