import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNotarySource, createMemoryTrustStore, verifyDct, type TrustStore } from '../../src/core/trust/notary';
import { canonicalBytes } from '../../src/core/trust/notary/canonical-json';
import { computeKeyId } from '../../src/core/trust/notary/keys';
import { createHttpTransport } from '../../src/node/http-transport';
import { systemClock } from '../../src/node/system-clock';
import { startFaultProxy, type FaultProxy } from '../rig/fault-proxy';
import { notaryWire } from '../rig/trust-resigner';
import type { RigInfo } from '../rig/rig-types';
import {
  createDelegationKey,
  runNotary,
  writeNotaryClientConfig,
  NOTARY_PASSPHRASES,
  type NotaryInfo,
} from '../rig/trust-publisher';

export const IMAGE = { digest: `sha256:${'5e'.repeat(32)}`, size: 512 };
export const OTHER = { digest: `sha256:${'6f'.repeat(32)}`, size: 600 };

/**
 * A GUN of its own on the rig's notary server, with its own trust dir, so tests can publish and rotate: v1 in
 * targets and, with `releases` signers (keys the CLI holds, so it signs with each), v2 in targets/releases.
 */
export async function ownRepository(
  rig: RigInfo,
  name: string,
  { releases = 0 } = {},
): Promise<NotaryInfo & { trustDir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'notary-repo-'));
  const clientConfig = await writeNotaryClientConfig(dir, rig.notary.url, rig.tls.caFile);
  const gun = `${rig.registries.http.host}/attack/${name}`;
  const info = { url: rig.notary.url, gun, clientConfig, env: NOTARY_PASSPHRASES, signed: [] };
  await runNotary(info, ['init', gun]);
  await runNotary(info, ['addhash', gun, 'v1', String(IMAGE.size), '--sha256', IMAGE.digest.slice(7)]);
  for (let signer = 1; signer <= releases; signer++) {
    const key = await createDelegationKey(dir, `releases-${signer}`);
    await runNotary(info, ['key', 'import', key.key, '--role', 'targets/releases']);
    await runNotary(info, ['delegation', 'add', gun, 'targets/releases', key.cert, '--all-paths']);
  }
  if (releases > 0) {
    const size = String(OTHER.size);
    await runNotary(info, [
      'addhash',
      gun,
      'v2',
      size,
      '--sha256',
      OTHER.digest.slice(7),
      '--roles',
      'targets/releases',
    ]);
  }
  await runNotary(info, ['publish', gun]);
  return { ...info, trustDir: join(dir, 'trust'), remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The product's client (real transport) against `server`, a fresh store unless given. */
export function trustClient(rig: RigInfo, server: string) {
  const { transport, close } = createHttpTransport({ caFiles: [rig.tls.caFile] });
  const credentials = async () => undefined;
  const verify = (
    gun: string,
    tag: string,
    store: TrustStore = createMemoryTrustStore(),
    at = Date.now(),
    image = IMAGE,
  ) => {
    const source = createNotarySource(
      { transport, clock: systemClock, credentials },
      {
        server: new URL(`${server}/`),
        registry: gun.split('/')[0] ?? '',
        gun,
        userAgent: 'image-trust-test',
      },
    );
    return verifyDct({ gun, tag, ...image }, { source, store, referenceTime: at });
  };
  return { verify, close };
}

export function notaryProxy(rig: RigInfo): Promise<FaultProxy> {
  return startFaultProxy({
    upstream: rig.notary.url,
    caFile: rig.tls.caFile,
    tls: { certFile: rig.tls.certFile, keyFile: rig.tls.keyFile },
  });
}

/** Re-signs a role file's `signed` part with a new key the root does not list (attack: wrong key). */
export function resignWithStrangerKey(body: Buffer): Buffer {
  const file = JSON.parse(body.toString('utf8')) as { signed: unknown };
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const keyid = computeKeyId({ keytype: 'ecdsa', keyval: { public: spki, private: null } });
  const sig = sign('sha256', canonicalBytes(file.signed), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return Buffer.from(notaryWire(file.signed, [{ keyid, method: 'ecdsa', sig: sig.toString('base64') }]));
}

/** Flips a bit in each signature, leaving `signed` intact (attack: arbitrary signature). */
export function corruptSignatures(body: Buffer): Buffer {
  const file = JSON.parse(body.toString('utf8')) as { signed: unknown; signatures: { sig: string }[] };
  for (const s of file.signatures) {
    const bytes = Buffer.from(s.sig, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    s.sig = bytes.toString('base64');
  }
  return notaryWire(file.signed, file.signatures);
}

export function withoutSignatures(body: Buffer): Buffer {
  const file = JSON.parse(body.toString('utf8')) as { signed: unknown };
  return notaryWire(file.signed, []);
}
