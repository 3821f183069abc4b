import { createHash, createPrivateKey, createPublicKey, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { canonicalBytes, canonicalString } from '../../src/core/trust/notary/canonical-json';
import { rigRequest } from './rig-http';
import { RigError } from './rig-error';
import { NOTARY_PASSPHRASES } from './trust-publisher';

interface RoleFile {
  signed: {
    expires: string;
    version: number;
    meta?: Record<string, unknown>;
    delegations?: { keys: Record<string, TufKeyJson>; roles: { name: string; keyids: string[]; threshold: number }[] };
  };
  signatures: unknown[];
}
interface TufKeyJson {
  keytype: string;
  keyval: { public: string };
}

const DAY = 24 * 60 * 60 * 1000;

/** notary's file bytes: the struct order (`signed` first), each part canonical; not a sorted whole. */
export function notaryWire(signed: unknown, signatures: unknown): Buffer {
  return Buffer.from(`{"signed":${canonicalString(signed)},"signatures":${canonicalString(signatures)}}`);
}

/** Go's RFC3339Nano: UTC, trailing zeros of the fraction dropped (notary re-marshals; bytes must match). */
export function goTime(date: Date): string {
  return date.toISOString().replace(/\.?0+Z$/, 'Z');
}

// Trust-dir keys carry `role:`/`gun:` headers that Node refuses; the passphrase follows the role.
async function loadPrivateKeys(trustDir: string): Promise<Map<string, KeyObject>> {
  const dir = join(trustDir, 'private');
  const keys = new Map<string, KeyObject>();
  for (const name of await readdir(dir)) {
    const pem = await readFile(join(dir, name), 'utf8');
    const role = /^role: (.*)$/m.exec(pem)?.[1] ?? '';
    const body = pem.replace(/^(role|gun): .*\n/gm, '').replace(/(-----\n)\n/, '$1');
    const passphrase =
      {
        root: NOTARY_PASSPHRASES.NOTARY_ROOT_PASSPHRASE,
        targets: NOTARY_PASSPHRASES.NOTARY_TARGETS_PASSPHRASE,
        snapshot: NOTARY_PASSPHRASES.NOTARY_SNAPSHOT_PASSPHRASE,
      }[role] ?? NOTARY_PASSPHRASES.NOTARY_DELEGATION_PASSPHRASE;
    const key = createPrivateKey({ key: body, passphrase });
    keys.set(createPublicKey(key).export({ type: 'spki', format: 'der' }).toString('base64'), key);
  }
  return keys;
}

function spkiOf(key: TufKeyJson): string {
  const bytes = Buffer.from(key.keyval.public, 'base64');
  if (!key.keytype.endsWith('-x509')) return bytes.toString('base64');
  return new X509Certificate(bytes).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

function resign(
  file: RoleFile,
  keyIds: string[],
  keys: Record<string, TufKeyJson>,
  privateKeys: Map<string, KeyObject>,
): Buffer {
  const data = canonicalBytes(file.signed);
  const signatures = keyIds.flatMap((keyid) => {
    const key = keys[keyid];
    const privateKey = key === undefined ? undefined : privateKeys.get(spkiOf(key));
    if (privateKey === undefined) return [];
    return [
      {
        keyid,
        method: 'ecdsa',
        sig: sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64'),
      },
    ];
  });
  if (signatures.length === 0) throw new RigError('RIG_COMMAND_FAILED', 'no trust-dir key signs this role');
  return notaryWire(file.signed, signatures);
}

function fileMeta(bytes: Buffer) {
  const hash = (alg: string) => createHash(alg).update(bytes).digest('base64');
  return { hashes: { sha256: hash('sha256'), sha512: hash('sha512') }, length: bytes.length };
}

export interface ResignTarget {
  url: string;
  caFile: string;
  gun: string;
  trustDir: string;
}

/**
 * Re-signs `targets` and delegations with new expiry dates (days from now) or delegation thresholds, using the
 * trust dir's keys, then the (client-held) snapshot over the new bytes, and publishes them to the real notary
 * server, which signs a new timestamp. notary 0.7 has no flag for either.
 */
export interface TrustChanges {
  /** Role → days from now (negative is refused by notary-server). */
  expiresInDays?: Record<string, number>;
  /** Delegation → threshold; `targets`, which lists it, is re-signed. */
  thresholds?: Record<string, number>;
}

export async function resignTrust(to: ResignTarget, changes: TrustChanges): Promise<void> {
  const { expiresInDays = {}, thresholds = {} } = changes;
  const base = `${to.url}/v2/${to.gun}/_trust/tuf`;
  const fetchRole = async (role: string) =>
    JSON.parse((await rigRequest(`${base}/${role}.json`, { caFile: to.caFile })).body.toString('utf8')) as RoleFile;
  const [root, targets, snapshot, privateKeys] = await Promise.all([
    fetchRole('root'),
    fetchRole('targets'),
    fetchRole('snapshot'),
    loadPrivateKeys(to.trustDir),
  ]);
  const rootSigned = root.signed as unknown as {
    keys: Record<string, TufKeyJson>;
    roles: Record<string, { keyids: string[] }>;
  };
  for (const role of targets.signed.delegations?.roles ?? []) role.threshold = thresholds[role.name] ?? role.threshold;
  const parts: Record<string, Buffer> = {};
  const roles = new Set([...Object.keys(expiresInDays), ...(Object.keys(thresholds).length > 0 ? ['targets'] : [])]);
  for (const role of roles) {
    const file = role === 'targets' ? targets : await fetchRole(role);
    const days = expiresInDays[role];
    if (days !== undefined) file.signed.expires = goTime(new Date(Date.now() + days * DAY));
    file.signed.version += 1;
    const delegation = targets.signed.delegations?.roles.find((r) => r.name === role);
    const [keyIds, keys] = delegation
      ? [delegation.keyids, targets.signed.delegations?.keys ?? {}]
      : [rootSigned.roles.targets?.keyids ?? [], rootSigned.keys];
    parts[role] = resign(file, keyIds, keys, privateKeys);
    (snapshot.signed.meta ??= {})[role] = fileMeta(parts[role]);
  }
  snapshot.signed.version += 1;
  parts.snapshot = resign(snapshot, rootSigned.roles.snapshot?.keyids ?? [], rootSigned.keys, privateKeys);
  await postMultipart(`${base}/`, to.caFile, parts);
}

async function postMultipart(url: string, caFile: string, parts: Record<string, Buffer>): Promise<void> {
  const boundary = `rig${Date.now()}`;
  const chunks = Object.entries(parts).flatMap(([name, bytes]) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from('\r\n'),
  ]);
  const body = Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]);
  const ca = await readFile(caFile);
  const headers = {
    'content-type': `multipart/form-data; boundary=${boundary}`,
    'content-length': String(body.length),
  };
  const status = await new Promise<number>((resolve, reject) => {
    const req = httpsRequest(url, { method: 'POST', ca, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
  if (status !== 200) throw new RigError('RIG_COMMAND_FAILED', `notary-server refused the re-signed data (${status})`);
}
