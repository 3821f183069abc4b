import { describe, expect, it } from 'vitest';
import { clientResolutionStore } from '../../src/core/features/client-resolution-store';
import { planPinEdits } from '../../src/core/features/pin-edits';
import { fetchPinTargets } from '../../src/core/features/pin-targets';
import { scanDocument } from '../../src/core/features/scan-document';
import { createNodeRegistryClient } from '../../src/node/node-registry-client';
import { extensionRig } from './extension-rig';

describe("the extension's pin planning and registry login against the real registry", () => {
  const { rig, host, client, pushed } = extensionRig();

  async function planUpdate(text: string) {
    const { refs } = scanDocument(text, 'dockerfile', '/w/Dockerfile');
    const store = clientResolutionStore(client, { ttlSeconds: 60, offline: false });
    const signal = new AbortController().signal;
    await store.ensure(
      refs.flatMap((ref) => (ref.reference ? [ref.reference] : [])),
      signal,
    );
    return planPinEdits(refs, refs, await fetchPinTargets(refs, store.lookup, client, signal), true);
  }
  describe('the update quick fix and pin commands, as image-trust pin --update', () => {
    it("re-pin a single-platform pin to the index's manifest for the same platform, read from its config", async () => {
      const amd64 = pushed('multi').platforms.find((p) => p.platform.architecture === 'amd64')?.digest;
      const { edits } = await planUpdate(`FROM ${host}/demo/app:multi@${pushed('v2').digest}\n`);
      expect(edits.map((edit) => edit.newText)).toEqual([`${host}/demo/app:multi@${amd64}`]);
    });

    it('refuse with PIN_PLATFORM_GONE when the index lacks the pinned platform', async () => {
      const { edits, failures } = await planUpdate(`FROM ${host}/demo/app:multi@${pushed('v1-armv7').digest}\n`);
      expect(edits).toEqual([]);
      expect(failures.map((failure) => failure.error.code)).toEqual(['PIN_PLATFORM_GONE']);
    });
  });

  describe('a login from SecretStorage', () => {
    it('is used before the Docker config, and never appears in what the registry reports', async () => {
      const basic = rig.registries.basic;
      const empty = { DOCKER_CONFIG: '/nonexistent', REGISTRY_AUTH_FILE: '/nonexistent' };
      const login = {
        kind: 'basic',
        username: 'alice',
        password: 'secret123',
        source: 'VS Code SecretStorage',
      } as const;
      const signedIn = createNodeRegistryClient({
        allowCredentialHelpers: false,
        diskCache: false,
        env: empty,
        transport: { caFiles: [basic.caFile ?? ''] },
        credentialsFirst: (registry) => Promise.resolve(registry === basic.host ? login : undefined),
      });
      const anonymous = createNodeRegistryClient({
        allowCredentialHelpers: false,
        diskCache: false,
        env: empty,
        transport: { caFiles: [basic.caFile ?? ''] },
      });
      try {
        const ref = { domain: basic.host, path: 'demo/app', tag: 'v1' };
        expect((await signedIn.client.resolve(ref)).digest).toBe(pushed('v1').digest);
        const denied = await anonymous.client.resolve(ref).catch((error: unknown) => error);
        expect(denied).toMatchObject({ code: 'AUTH_REQUIRED' });
        expect(JSON.stringify(denied)).not.toContain('secret123');
      } finally {
        signedIn.close();
        anonymous.close();
      }
    });
  });
});
