import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { startServer, type TestServer } from './servers';

/** An ed25519 TUF key as tuf-js reads it: the raw public key in hex, any key ID. */
export interface TufKey {
  id: string;
  privateKey: KeyObject;
  json: { keytype: 'ed25519'; scheme: 'ed25519'; keyval: { public: string } };
}

export function newTufKey(): TufKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  const id = createHash('sha256').update(raw).digest('hex');
  return { id, privateKey, json: { keytype: 'ed25519', scheme: 'ed25519', keyval: { public: raw } } };
}

// Canonical JSON for ASCII content: sorted keys, no whitespace (what tuf-js hashes and verifies signatures over).
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function signMetadata(signed: object, keys: TufKey[]): Buffer {
  const bytes = Buffer.from(canonical(signed));
  const signatures = keys.map((key) => ({ keyid: key.id, sig: sign(null, bytes, key.privateKey).toString('hex') }));
  return Buffer.from(JSON.stringify({ signed, signatures }));
}

const DAY = 86_400_000;
const expiresIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().replace(/\.\d+Z$/, 'Z');

/** One key per top-level role; `root` signs the root, the others their own role. */
export interface RepoKeys {
  root: TufKey;
  timestamp: TufKey;
  snapshot: TufKey;
  targets: TufKey;
}

export function rootMetadata(
  keys: RepoKeys,
  version: number,
  signers: TufKey[] = [keys.root],
  expiresInDays = 365,
): Buffer {
  const roles = Object.fromEntries(
    Object.entries(keys).map(([role, key]: [string, TufKey]) => [role, { keyids: [key.id], threshold: 1 }]),
  );
  const signed = {
    _type: 'root',
    spec_version: '1.0.31',
    version,
    expires: expiresIn(expiresInDays),
    consistent_snapshot: false,
    keys: Object.fromEntries(Object.values(keys).map((key: TufKey) => [key.id, key.json])),
    roles,
  };
  return signMetadata(signed, signers);
}

export interface Release {
  /** The `trusted_root.json` bytes the targets role signs (`served` may differ: a tampered mirror). */
  target: Buffer;
  served?: Buffer;
  version: number;
  targetsVersion?: number;
  timestampDays?: number;
  snapshotDays?: number;
}

/** A TUF repository on 127.0.0.1 whose files a test replaces to publish, tamper, expire or roll back. */
export class TufRepo {
  readonly files = new Map<string, Buffer>();
  readonly keys: RepoKeys = { root: newTufKey(), timestamp: newTufKey(), snapshot: newTufKey(), targets: newTufKey() };
  readonly initialRoot = rootMetadata(this.keys, 1);

  private constructor(readonly server: TestServer) {}

  static async start(): Promise<TufRepo> {
    let repo: TufRepo | undefined = undefined;
    const server = await startServer((req, res) => {
      const body = repo?.files.get(req.url ?? '');
      res.writeHead(body ? 200 : 404).end(body);
    });
    repo = new TufRepo(server);
    repo.files.set('/1.root.json', repo.initialRoot);
    return repo;
  }

  publish(release: Release): void {
    const { version } = release;
    const targetsVersion = release.targetsVersion ?? version;
    const sha256 = createHash('sha256').update(release.target).digest('hex');
    const targetInfo = { length: release.target.length, hashes: { sha256 } };
    const common = { spec_version: '1.0.31', version };
    const targets = {
      ...common,
      _type: 'targets',
      version: targetsVersion,
      expires: expiresIn(30),
      targets: { 'trusted_root.json': targetInfo },
    };
    const snapshot = {
      ...common,
      _type: 'snapshot',
      expires: expiresIn(release.snapshotDays ?? 7),
      meta: { 'targets.json': { version: targetsVersion } },
    };
    const timestamp = {
      ...common,
      _type: 'timestamp',
      expires: expiresIn(release.timestampDays ?? 1),
      meta: { 'snapshot.json': { version } },
    };
    this.files.set('/targets.json', signMetadata(targets, [this.keys.targets]));
    this.files.set('/snapshot.json', signMetadata(snapshot, [this.keys.snapshot]));
    this.files.set('/timestamp.json', signMetadata(timestamp, [this.keys.timestamp]));
    this.files.set('/targets/trusted_root.json', release.served ?? release.target);
  }

  get origin(): string {
    return this.server.origin;
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
