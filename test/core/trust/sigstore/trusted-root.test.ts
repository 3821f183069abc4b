import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSigstoreTrust, parseTrustedRoot, publicGoodTrustedRoot } from '../../../../src/core/trust/sigstore';
import { SIGSTORE_PEER_DATA } from './peer-fixtures';

const STAGING = `${SIGSTORE_PEER_DATA}sigstore-python/staging-tuf-repo-cdn.sigstage.dev/trusted_root.json`;

describe('trusted roots', () => {
  it('ships the public-good root: Rekor (v1 and the 2025 v2 log), Fulcio and CT logs', () => {
    const root = publicGoodTrustedRoot();
    expect(root.tlogs.map((t) => t.baseUrl)).toEqual([
      'https://rekor.sigstore.dev',
      'https://log2025-1.rekor.sigstore.dev',
    ]);
    expect(root.certificateAuthorities.length).toBeGreaterThan(0);
    expect(root.ctlogs.length).toBeGreaterThan(0);
  });

  it('reads a custom trusted_root.json', () => {
    const root = parseTrustedRoot(readFileSync(STAGING, 'utf8'), STAGING);
    expect(root.tlogs[0]?.baseUrl).toContain('sigstage');
  });

  it.each([
    ['not JSON', '{'],
    ['not a trusted root', '{"mediaType":"application/json"}'],
    [
      'a log key without a validity start',
      JSON.stringify({
        mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
        tlogs: [
          {
            baseUrl: 'https://x',
            hashAlgorithm: 'SHA2_256',
            publicKey: { rawBytes: 'AA==' },
            logId: { keyId: 'AA==' },
          },
        ],
      }),
    ],
  ])('fails with COSIGN_INVALID_TRUSTED_ROOT for %s', (_, text) => {
    expect(() => parseTrustedRoot(text, 'root.json')).toThrow(
      expect.objectContaining({ code: 'COSIGN_INVALID_TRUSTED_ROOT' }),
    );
  });

  it('fails with COSIGN_INVALID_TRUSTED_ROOT when a log key in a well-formed root cannot be read', () => {
    const text = JSON.stringify({
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: [
        {
          baseUrl: 'https://x',
          hashAlgorithm: 'SHA2_256',
          publicKey: {
            rawBytes: 'AAAA',
            keyDetails: 'PKIX_ECDSA_P256_SHA_256',
            validFor: { start: '2020-01-01T00:00:00Z' },
          },
          logId: { keyId: 'AA==' },
        },
      ],
    });
    const trustedRoot = parseTrustedRoot(text, 'root.json');
    expect(() => createSigstoreTrust({ trustedRoot, keys: [], identities: [], requireTlog: false })).toThrow(
      expect.objectContaining({ code: 'COSIGN_INVALID_TRUSTED_ROOT' }),
    );
  });
});
