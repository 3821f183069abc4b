import { canonicalBytes } from './canonical-json';
import type {
  DelegationRole,
  FileMeta,
  RoleKeys,
  RootSigned,
  Signature,
  SignedFile,
  SnapshotSigned,
  TargetsSigned,
  TimestampSigned,
  TufKey,
} from './metadata';
import { NotaryError } from './notary-error';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
// RFC 3339 with an offset, as Go's RFC3339Nano writes it.
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)$/;

function malformed(role: string, why: string): NotaryError {
  return new NotaryError('TUF_MALFORMED', `The ${role} trust data is malformed (${why}).`, { role });
}

function recordOf<T>(role: string, value: unknown, item: (v: unknown) => v is T, what: string): Record<string, T> {
  if (!isObject(value) || !Object.values(value).every(item)) throw malformed(role, what);
  return value as Record<string, T>;
}

const isKey = (v: unknown): v is TufKey =>
  isObject(v) && isString(v.keytype) && isObject(v.keyval) && isString(v.keyval.public);
const isRoleKeys = (v: unknown): v is RoleKeys =>
  isObject(v) && Array.isArray(v.keyids) && v.keyids.every(isString) && isCount(v.threshold) && v.threshold >= 1;
const isDelegation = (v: unknown): v is DelegationRole =>
  isRoleKeys(v) && isObject(v) && isString(v.name) && Array.isArray(v.paths) && v.paths.every(isString);
const isFileMeta = (v: unknown): v is FileMeta =>
  isObject(v) && isCount(v.length) && isObject(v.hashes) && Object.values(v.hashes).every(isString);

function common(role: string, signed: Json, type: string): void {
  if (signed._type !== type)
    throw new NotaryError('TUF_WRONG_TYPE', `The ${role} file is not ${type} metadata.`, { role });
  if (!isCount(signed.version) || signed.version < 1) throw malformed(role, 'version');
  if (!isString(signed.expires) || !RFC3339.test(signed.expires)) throw malformed(role, 'expires');
}

const checkers = {
  Root(role: string, s: Json): void {
    recordOf(role, s.keys, isKey, 'keys');
    const roles = recordOf(role, s.roles, isRoleKeys, 'roles');
    for (const base of ['root', 'targets', 'snapshot', 'timestamp'])
      if (!roles[base]) throw malformed(role, `no ${base} role`);
  },
  Targets(role: string, s: Json): void {
    recordOf(role, s.targets, isFileMeta, 'targets');
    const delegations = s.delegations ?? { keys: {}, roles: [] };
    if (!isObject(delegations)) throw malformed(role, 'delegations');
    recordOf(role, delegations.keys, isKey, 'delegation keys');
    if (!Array.isArray(delegations.roles) || !delegations.roles.every(isDelegation))
      throw malformed(role, 'delegation roles');
    s.delegations = delegations;
  },
  Snapshot(role: string, s: Json): void {
    recordOf(role, s.meta, isFileMeta, 'meta');
  },
  Timestamp(role: string, s: Json): void {
    if (!isObject(s.meta) || !isFileMeta(s.meta.snapshot)) throw malformed(role, 'meta.snapshot');
  },
};

type Kind = keyof typeof checkers;
interface SignedOf {
  Root: RootSigned;
  Targets: TargetsSigned;
  Snapshot: SnapshotSigned;
  Timestamp: TimestampSigned;
}

/** Parses one role file as `type`; the signatures are not checked here. */
export function parseSignedFile<K extends Kind>(role: string, bytes: Uint8Array, type: K): SignedFile<SignedOf[K]> {
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new NotaryError('TUF_MALFORMED', `The ${role} trust data is not JSON.`, { role }, { cause: error });
  }
  if (!isObject(document) || !isObject(document.signed) || !Array.isArray(document.signatures)) {
    throw malformed(role, 'no signed part or signatures');
  }
  const { signed, signatures } = document;
  common(role, signed, type);
  const canonical = canonicalBytes(signed);
  checkers[type](role, signed);
  const sigs = signatures.filter(
    (s): s is Signature => isObject(s) && isString(s.keyid) && isString(s.method) && isString(s.sig),
  );
  return { role, bytes, signed: signed as unknown as SignedOf[K], canonical, signatures: sigs };
}
