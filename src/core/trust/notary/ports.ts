/** One metadata file to fetch from a notary server (`/v2/<GUN>/_trust/tuf/…`). */
export interface MetadataRequest {
  role: string;
  /** Fetch `<role>.<sha256 hex>.json`: the exact file the parent signed, even while a publish races us. */
  checksum?: string;
  /** Fetch `<version>.root.json` (root rotation). */
  version?: number;
  /** Refused beyond this many bytes (TUF_TOO_LARGE), before parsing. */
  maxBytes: number;
  signal?: AbortSignal;
}

/** A notary server for one GUN; `undefined` when it has no such file (absence is a value). */
export interface MetadataSource {
  fetch(request: MetadataRequest): Promise<Uint8Array | undefined>;
}

/** What a client remembers per GUN: the trusted root (bytes as served) and the highest version of each role. */
export interface TrustRecord {
  root: Uint8Array;
  versions: Record<string, number>;
}

/** TOFU pins and rollback floors; written only after an update whose base roles all verified. */
export interface TrustStore {
  load(gun: string): Promise<TrustRecord | undefined>;
  save(gun: string, record: TrustRecord): Promise<void>;
}

/** For tests and one-shot runs: a fresh store is a fresh client. */
export function createMemoryTrustStore(): TrustStore {
  const records = new Map<string, TrustRecord>();
  return {
    load: async (gun) => records.get(gun),
    save: async (gun, record) => {
      records.set(gun, { root: record.root, versions: { ...record.versions } });
    },
  };
}
