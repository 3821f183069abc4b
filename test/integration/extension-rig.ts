import { afterAll } from 'vitest';
import { createNodeRegistryClient } from '../../src/node/node-registry-client';
import { injectRig } from '../rig/inject-rig';

/** The shared rig, a registry client to it (closed after the file's tests), and the rig's demo/app images by tag. */
export function extensionRig() {
  const rig = injectRig();
  const { client, close } = createNodeRegistryClient({ allowCredentialHelpers: false, diskCache: false });
  afterAll(close);
  const pushed = (tag: string) => {
    const image = rig.pushed.find((p) => p.registry === 'http' && p.repo === 'demo/app' && p.tag === tag);
    if (!image) throw new Error(`no demo/app:${tag} on the http registry`);
    return image;
  };
  return { rig, host: rig.registries.http.host, client, pushed };
}
