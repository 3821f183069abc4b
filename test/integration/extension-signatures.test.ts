import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientResolutionStore } from '../../src/core/features/client-resolution-store';
import { verifyCosignEvidence } from '../../src/core/features/cosign-evidence';
import { CosignStore } from '../../src/core/features/cosign-store';
import { DctStore } from '../../src/core/features/dct-store';
import { evidenceOf } from '../../src/core/features/evidence-of';
import { ensureEvidence } from '../../src/core/features/reference-evidence';
import { scanDocument } from '../../src/core/features/scan-document';
import { createSigstoreTrust, parseCosignKey, publicGoodTrustedRoot } from '../../src/core/trust/sigstore';
import { extensionRig } from './extension-rig';

describe("the extension's signature checks against the real registry", () => {
  const { rig, host, client, pushed } = extensionRig();

  describe('cosign evidence for the hover and the findings', () => {
    const trustedRoot = publicGoodTrustedRoot();
    const key = () => parseCosignKey(readFileSync(rig.cosign?.keyFile ?? '', 'utf8'), 'rig key');
    async function evidenceFor(path: string, tag: string, signal = new AbortController().signal, domain = host) {
      const resolution = await client.resolve({ domain: host, path, tag });
      const moved = { ...resolution, reference: { ...resolution.reference, domain } };
      const trust = createSigstoreTrust({ trustedRoot, keys: [key()], identities: [], requireTlog: false });
      return verifyCosignEvidence(moved, { client, trust, signal });
    }

    it('verifies a signed image with the configured key', async () => {
      expect(await evidenceFor('demo/app', 'v1')).toMatchObject({ signed: true, verified: true, codes: [] });
    });

    it('reports an unsigned image as COSIGN_NOT_SIGNED', async () => {
      expect((await evidenceFor('demo/tool', '1.0')).codes).toEqual(['COSIGN_NOT_SIGNED']);
    });

    it("turns a registry that stopped answering into evidence with the registry's code, not 'unsigned'", async () => {
      const evidence = await evidenceFor('demo/app', 'v1', undefined, '127.0.0.1:9');
      expect(evidence).toMatchObject({ signed: false, verified: false, codes: ['REGISTRY_NETWORK'] });
    });

    it('throws when cancelled, so nothing is cached from cancelled work', async () => {
      await expect(evidenceFor('demo/app', 'v1', AbortSignal.abort())).rejects.toThrow();
    });
  });

  describe('signatures are checked on the digest a build uses, as image-trust check does', () => {
    async function cosignCodes(text: string) {
      const { refs } = scanDocument(text, 'dockerfile', '/w/Dockerfile');
      const store = clientResolutionStore(client, { ttlSeconds: 60, offline: false });
      const trustedRoot = publicGoodTrustedRoot();
      const key = parseCosignKey(readFileSync(rig.cosign?.keyFile ?? '', 'utf8'), 'rig key');
      const trust = createSigstoreTrust({ trustedRoot, keys: [key], identities: [], requireTlog: false });
      const cosign = new CosignStore({
        enabled: () => true,
        verify: (resolution, signal) => verifyCosignEvidence(resolution, { client, trust, signal }),
      });
      const dct = new DctStore({ enabled: () => false, verify: () => Promise.reject(new Error('not asked')) });
      await ensureEvidence(refs, { store, dct, cosign }, new AbortController().signal);
      return refs.map((ref) => {
        const state = evidenceOf(ref, store.lookup, cosign.lookup);
        return state?.kind === 'verified' ? state.result.codes : state?.kind;
      });
    }

    it('the stale pin, not the tag it moved from (v2 is signed by another key, tool is not signed)', async () => {
      const tool = rig.pushed.find((p) => p.registry === 'http' && p.repo === 'demo/tool')?.digest;
      expect(await cosignCodes(`FROM ${host}/demo/app:v2\nFROM ${host}/demo/app:v2@${tool}\n`)).toEqual([
        ['COSIGN_UNTRUSTED_KEY'],
        ['COSIGN_NOT_SIGNED'],
      ]);
    });

    it('a reference written with a digest only', async () => {
      expect(await cosignCodes(`FROM ${host}/demo/app@${pushed('v1').digest}\n`)).toEqual([[]]);
    });
  });
});
