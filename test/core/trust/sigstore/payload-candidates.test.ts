import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCosignKey, signatureTag, verifyCosign, type SignatureSource } from '../../../../src/core/trust/sigstore';
import { knownPayload } from '../../../../src/core/trust/sigstore/payload-candidates';
import { sha256, sigTagsOnly } from './peer-fixtures';

const DIGEST = `sha256:${'2'.repeat(64)}`;
const generated = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const key = parseCosignKey(generated.publicKey.export({ format: 'pem', type: 'spki' }).toString(), 'cosign.pub');

// cosign's payload, written out as SIGNATURE-NOTES §8.1 gives Go's bytes.
const goPayload = (reference: string, optional = 'null') =>
  Buffer.from(
    `{"critical":{"identity":{"docker-reference":"${reference}"},"image":{"docker-manifest-digest":"${DIGEST}"},"type":"cosign container image signature"},"optional":${optional}}`,
  );
const layerOf = (payload: Uint8Array) => ({ digest: sha256(payload), size: payload.length });

describe('knownPayload', () => {
  it('gives the payload cosign writes for the repository and digest when the layer names those bytes', () => {
    const payload = goPayload('registry.test/acme/app');
    expect(knownPayload(layerOf(payload), 'registry.test/acme/app', DIGEST)).toEqual(payload);
  });

  it('knows Docker Hub under the name cosign writes for it, index.docker.io', () => {
    const payload = goPayload('index.docker.io/library/alpine');
    expect(knownPayload(layerOf(payload), 'docker.io/library/alpine', DIGEST)).toEqual(payload);
  });

  it.each([
    ['a payload with annotations', goPayload('registry.test/acme/app', '{"build":"42"}')],
    ['a payload naming another repository', goPayload('mirror.test/acme/app')],
  ])('knows nothing of %s: it must be fetched', (_, payload) => {
    expect(knownPayload(layerOf(payload), 'registry.test/acme/app', DIGEST)).toBeUndefined();
  });

  it('refuses bytes whose size differs from the layer, even with the same digest', () => {
    const payload = goPayload('registry.test/acme/app');
    expect(knownPayload({ ...layerOf(payload), size: payload.length + 1 }, 'registry.test/acme/app', DIGEST)).toBe(
      undefined,
    );
  });
});

describe('verifyCosign › a .sig payload known from the repository and digest', () => {
  function sourceOf(payload: Uint8Array) {
    const fetched: string[] = [];
    const signature = sign('sha256', payload, generated.privateKey).toString('base64');
    const layer = {
      mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
      ...layerOf(payload),
      annotations: { 'dev.cosignproject.cosign/signature': signature },
    };
    const manifests = new Map([[signatureTag(DIGEST), Buffer.from(JSON.stringify({ layers: [layer] }))]]);
    const source: SignatureSource = {
      fetchSignatureManifest: async (digest) => manifests.get(signatureTag(digest)),
      fetchPayload: async ({ digest }) => {
        fetched.push(digest);
        return payload;
      },
      ...sigTagsOnly(),
    };
    return { source, fetched };
  }
  const verify = (repository: string, source: SignatureSource) =>
    verifyCosign({ repository, digest: DIGEST, isIndex: false, platforms: [] }, { source, keys: [key] });

  it('verifies without fetching the payload blob', async () => {
    const { source, fetched } = sourceOf(goPayload('registry.test/acme/app'));
    expect(await verify('registry.test/acme/app', source)).toMatchObject({ verified: true, codes: [] });
    expect(fetched).toEqual([]);
  });

  it('fetches a payload it cannot know, and verifies it as before', async () => {
    const payload = goPayload('registry.test/acme/app', '{"build":"42"}');
    const { source, fetched } = sourceOf(payload);
    expect(await verify('registry.test/acme/app', source)).toMatchObject({ verified: true });
    expect(fetched).toEqual([sha256(payload)]);
  });
});
