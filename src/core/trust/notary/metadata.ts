/** Notary v1 metadata shapes (SIGNATURE-NOTES §2): `_type` capitalised, base64 hashes, no `spec_version`. */
export interface TufKey {
  keytype: string;
  keyval: { public: string; private: string | null };
}

export interface RoleKeys {
  keyids: string[];
  threshold: number;
}

export interface FileMeta {
  /** Algorithm → base64 digest. */
  hashes: Record<string, string>;
  length: number;
}

export type BaseRole = 'root' | 'targets' | 'snapshot' | 'timestamp';

export interface RootSigned {
  _type: 'Root';
  version: number;
  expires: string;
  keys: Record<string, TufKey>;
  roles: Record<BaseRole, RoleKeys>;
}

export interface DelegationRole extends RoleKeys {
  name: string;
  /** Plain string prefixes; `""` is everything. */
  paths: string[];
}

export interface TargetsSigned {
  _type: 'Targets';
  version: number;
  expires: string;
  targets: Record<string, FileMeta>;
  delegations: { keys: Record<string, TufKey>; roles: DelegationRole[] };
}

export interface SnapshotSigned {
  _type: 'Snapshot';
  version: number;
  expires: string;
  meta: Record<string, FileMeta>;
}

export interface TimestampSigned {
  _type: 'Timestamp';
  version: number;
  expires: string;
  meta: { snapshot: FileMeta };
}

export interface Signature {
  keyid: string;
  method: string;
  sig: string;
}

/** One downloaded role file: the raw bytes (what parents hash), the parsed `signed` and its canonical bytes. */
export interface SignedFile<T> {
  role: string;
  bytes: Uint8Array;
  signed: T;
  /** What the signatures cover: canonical JSON of `signed`, re-encoded as notary does. */
  canonical: Uint8Array;
  signatures: Signature[];
}
