import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RigInfo } from '../test/rig/rig-types';

function digestOf(rig: RigInfo, tag: string, repo = 'demo/app'): string {
  const image = rig.pushed.find((p) => p.registry === 'http' && p.repo === repo && p.tag === tag);
  if (!image) throw new Error(`the rig pushed no ${repo}:${tag}`);
  return image.digest;
}

/** A Dockerfile with one reference of each kind, each said in a comment above it. */
function dockerfile(rig: RigInfo): string {
  const app = `${rig.registries.http.host}/demo/app`;
  return `# Pinned, signed with Docker Content Trust and cosign by the key the policy trusts: nothing to say.
FROM ${app}:v1@${digestOf(rig, 'v1')} AS pinned-and-signed

# Pinned to a digest the tag no longer points at (still signed): the pin is outdated.
FROM ${app}:v2@${digestOf(rig, 'v1')} AS pin-outdated

# Not pinned; cosign-signed at the index; its DCT delegation (targets/releases) expires in 12 days.
FROM ${app}:multi AS unpinned-expiring

# DCT-signed, but cosign-signed only by a key the policy does not trust.
FROM ${app}:v2 AS untrusted-key

# Tampered: its DCT data and its cosign signature were made for another digest.
FROM ${app}:v1-docker AS tampered

# Unsigned, and the policy exception that covered it has ended.
FROM ${rig.registries.http.host}/demo/tool:1.0 AS unsigned

FROM Demo/App AS invalid
`;
}

function compose(rig: RigInfo): string {
  const app = `${rig.registries.http.host}/demo/app`;
  return `services:
  web:
    image: ${app}:multi-docker # image-trust: ignore IMAGE_UNPINNED -- the deploy pipeline pins it
  worker:
    # image-trust: ignore IMAGE_UNPINNED
    image: ${app}:latest
`;
}

function policy(rig: RigInfo): string {
  return `# Image Trust policy: what is required of the images in this workspace.
expiryWarningDays: 30
rules:
  - match: { registry: "127.0.0.1:*" }
    signatures:
      require: any # Docker Content Trust or cosign, whichever verifies
      keys: [cosign.pub]
exceptions:
  - image: ${rig.registries.http.host}/demo/tool
    codes: [SIGNATURE_REQUIRED]
    reason: built in-house, signing lands next sprint
    until: 2025-06-30
`;
}

/** Writes the demo workspace into a new temp dir: Dockerfile, compose.yaml, .image-trust.yaml and cosign.pub. */
export async function writeDemoWorkspace(rig: RigInfo, keyFile: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'image-trust-demo-'));
  await writeFile(join(dir, 'Dockerfile'), dockerfile(rig));
  await writeFile(join(dir, 'compose.yaml'), compose(rig));
  await writeFile(join(dir, '.image-trust.yaml'), policy(rig));
  await copyFile(keyFile, join(dir, 'cosign.pub'));
  return dir;
}
