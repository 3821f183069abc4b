import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCosignKey, signatureTag, verifyCosign, type SignatureSource } from '../../../../src/core/trust/sigstore';
import { sha256, sigTagsOnly } from './peer-fixtures';

const REPO = 'registry.test/acme/app';
const INDEX = `sha256:${'1'.repeat(64)}`;
const AMD64 = `sha256:${'2'.repeat(64)}`;
const ARM64 = `sha256:${'3'.repeat(64)}`;

const generated = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const key = parseCosignKey(generated.publicKey.export({ format: 'pem', type: 'spki' }).toString(), 'cosign.pub');

const payloadFor = (digest: string, reference = REPO) =>
  Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': reference },
        image: { 'docker-manifest-digest': digest },
        type: 'cosign container image signature',
      },
      optional: null,
    }),
  );

/** An in-memory registry: `.sig` manifests by signed digest, payload blobs by digest. */
function registry(signed: Record<string, Uint8Array | object>): SignatureSource {
  const blobs = new Map<string, Uint8Array>();
  const manifests = new Map<string, Uint8Array>();
  for (const [digest, content] of Object.entries(signed)) {
    if (!(content instanceof Uint8Array)) {
      manifests.set(signatureTag(digest), Buffer.from(JSON.stringify(content)));
      continue;
    }
    blobs.set(sha256(content), content);
    const annotations = {
      'dev.cosignproject.cosign/signature': sign('sha256', content, generated.privateKey).toString('base64'),
    };
    const layer = {
      mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
      digest: sha256(content),
      size: content.length,
      annotations,
    };
    manifests.set(signatureTag(digest), Buffer.from(JSON.stringify({ schemaVersion: 2, layers: [layer] })));
  }
  return {
    fetchSignatureManifest: async (digest) => manifests.get(signatureTag(digest)),
    fetchPayload: async (layer) => blobs.get(layer.digest) ?? new Uint8Array(),
    ...sigTagsOnly(),
  };
}

const single = (digest: string, source: SignatureSource, options = {}) =>
  verifyCosign({ repository: REPO, digest, isIndex: false, platforms: [] }, { source, keys: [key], options });
const index = (source: SignatureSource) =>
  verifyCosign(
    {
      repository: REPO,
      digest: INDEX,
      isIndex: true,
      platforms: [
        { digest: AMD64, platform: 'linux/amd64' },
        { digest: ARM64, platform: 'linux/arm64/v8' },
      ],
    },
    { source, keys: [key] },
  );

describe('verifyCosign', () => {
  it('fails with COSIGN_DIGEST_MISMATCH for a signature over another digest', async () => {
    expect(await single(AMD64, registry({ [AMD64]: payloadFor(ARM64) }))).toMatchObject({
      verified: false,
      codes: ['COSIGN_DIGEST_MISMATCH'],
    });
  });

  it('fails with COSIGN_MALFORMED_PAYLOAD for a signed payload that is not a cosign payload', async () => {
    expect(await single(AMD64, registry({ [AMD64]: Buffer.from('{"critical":{"type":"other"}}') }))).toMatchObject({
      codes: ['COSIGN_MALFORMED_PAYLOAD'],
    });
  });

  it('fails with COSIGN_PAYLOAD_TOO_LARGE before fetching an oversized payload', async () => {
    const evidence = await single(AMD64, registry({ [AMD64]: payloadFor(AMD64) }), { maxPayloadBytes: 64 });
    expect(evidence.codes).toEqual(['COSIGN_PAYLOAD_TOO_LARGE']);
  });

  it.each([
    ['without layers', { schemaVersion: 2 }],
    [
      'whose layer has no signature annotation',
      { layers: [{ mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json', digest: AMD64, size: 10 }] },
    ],
    [
      'whose layer has no digest',
      {
        layers: [
          {
            mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
            size: 10,
            annotations: { 'dev.cosignproject.cosign/signature': 'AA==' },
          },
        ],
      },
    ],
  ])('fails with COSIGN_MALFORMED_SIGNATURE for a .sig manifest %s', async (_name, manifest) => {
    expect(await single(AMD64, registry({ [AMD64]: manifest }))).toMatchObject({
      signed: true,
      codes: ['COSIGN_MALFORMED_SIGNATURE'],
    });
  });

  describe('for an index', () => {
    it('is verified by the index signature alone, naming the levels that are signed', async () => {
      const evidence = await index(registry({ [INDEX]: payloadFor(INDEX), [AMD64]: payloadFor(AMD64) }));
      expect(evidence.verified).toBe(true);
      expect(evidence.signatures.map((s) => s.level)).toEqual(['index', 'platform']);
    });

    it('is verified when every platform manifest is signed and the index is not', async () => {
      const evidence = await index(registry({ [AMD64]: payloadFor(AMD64), [ARM64]: payloadFor(ARM64) }));
      expect(evidence).toMatchObject({ verified: true, codes: [] });
    });

    it('fails with the unsigned platform’s COSIGN_NOT_SIGNED when only some platforms are signed', async () => {
      const evidence = await index(registry({ [AMD64]: payloadFor(AMD64) }));
      expect(evidence).toMatchObject({ signed: true, verified: false, codes: ['COSIGN_NOT_SIGNED'] });
      expect(evidence.failures.map((f) => f.digest)).toEqual([ARM64]);
    });
  });
});
