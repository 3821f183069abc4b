import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { putManifest } from './referrers-push';
import type { PushedImage, RegistryInfo } from './rig-types';
import { signatureManifest, signatureTag as sigTag, simpleSigningPayload } from './sigstore-sig-tags';

/** cosign-format signatures the rig made (RIG-NOTES §7.2): key files and what each key signs. */
export interface CosignInfo {
  /** PEM public key of `demo/app:v1`, `multi` (index and linux/amd64) and the copied signature on `v1-docker`. */
  keyFile: string;
  /** PEM public key of `demo/app:v2` (= `latest`), whose payload names `demo/mirror`. */
  otherKeyFile: string;
}

/** The `.sig` manifest of one signature by `key` over `digest`, its blobs uploaded; returns the manifest bytes. */
function keySignatureManifest(registry: RegistryInfo, repo: string, digest: string, identity: string, key: KeyObject) {
  const payload = simpleSigningPayload(identity, digest);
  const annotations = { 'dev.cosignproject.cosign/signature': sign('sha256', payload, key).toString('base64') };
  return signatureManifest(registry, repo, payload, annotations);
}

function find(pushed: readonly PushedImage[], tag: string): PushedImage {
  const image = pushed.find((p) => p.registry === 'http' && p.repo === 'demo/app' && p.tag === tag);
  if (image === undefined) throw new Error(`the rig pushed no demo/app:${tag} to http`);
  return image;
}

async function writeKey(dir: string, name: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const file = join(dir, `${name}.pub`);
  await writeFile(file, publicKey.export({ format: 'pem', type: 'spki' }));
  return { file, privateKey };
}

/**
 * Signs images of `demo/app` on the http registry: `v1` and `multi` (index, and linux/amd64 as it is v1) with one
 * key, `v2` with another key and another repository's identity; `v1-docker` gets a copy of v1's signature (over
 * another digest); `demo/tool` stays unsigned. Needs only the pushes of the default plan.
 */
export async function signRigImages(
  dir: string,
  registry: RegistryInfo,
  pushed: readonly PushedImage[],
): Promise<CosignInfo> {
  await mkdir(dir, { recursive: true });
  const [main, other] = await Promise.all([writeKey(dir, 'cosign'), writeKey(dir, 'cosign-other')]);
  const repo = 'demo/app';
  const identity = `${registry.host}/${repo}`;
  const [v1, multi, v2, v1Docker] = ['v1', 'multi', 'v2', 'v1-docker'].map((tag) => find(pushed, tag)) as [
    PushedImage,
    PushedImage,
    PushedImage,
    PushedImage,
  ];
  const v1Sig = await keySignatureManifest(registry, repo, v1.digest, identity, main.privateKey);
  const multiSig = await keySignatureManifest(registry, repo, multi.digest, identity, main.privateKey);
  const v2Sig = await keySignatureManifest(registry, repo, v2.digest, `${registry.host}/demo/mirror`, other.privateKey);
  await Promise.all([
    putManifest(registry, repo, sigTag(v1.digest), v1Sig),
    putManifest(registry, repo, sigTag(multi.digest), multiSig),
    putManifest(registry, repo, sigTag(v2.digest), v2Sig),
    putManifest(registry, repo, sigTag(v1Docker.digest), v1Sig),
  ]);
  return { keyFile: main.file, otherKeyFile: other.file };
}
