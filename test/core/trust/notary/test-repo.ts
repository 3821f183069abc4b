import type { FileMeta } from '../../../../src/core/trust/notary/metadata';
import type { MetadataSource } from '../../../../src/core/trust/notary/ports';
import { certificateSigner, ecdsaSigner, expiresIn, fileMeta, keyTable, signFile, type Signer } from './tuf-builder';

/** Midnight UTC today: certificates openssl makes now are valid from a moment within a day of it. */
export const NOW = Math.floor(Date.now() / 86_400_000) * 86_400_000;
export const daysFromNow = (days: number) => new Date(NOW + days * 86_400_000).toISOString();

export interface Delegation {
  name: string;
  signers: Signer[];
  threshold: number;
  paths: string[];
  targets: Record<string, FileMeta>;
  /** Who actually signs the file (defaults to `signers`). */
  signWith?: Signer[];
}

/**
 * A notary repository built in memory: root (certificate keys), targets, delegations, snapshot, timestamp.
 * Tests change a field and call `publish()`, then serve `files` (or tampered copies) through `source()`.
 */
export class TestRepo {
  rootSigners: Signer[];
  rootThreshold = 1;
  /** Extra signers of the next root (rotation: the previous root's keys). */
  rootCosigners: Signer[] = [];
  targetsSigner = ecdsaSigner();
  snapshotSigner = ecdsaSigner();
  timestampSigner = ecdsaSigner();
  targets: Record<string, FileMeta> = {};
  delegations: Delegation[] = [];
  expires: Record<string, number> = { root: 3650, targets: 1095, snapshot: 1095, timestamp: 14 };
  versions: Record<string, number> = {};
  files: Record<string, Uint8Array> = {};
  /** Roles signed by another key than the role's (attack: wrong key). */
  signOverride: Record<string, Signer[]> = {};
  /** Roles whose signatures are made invalid (attack: arbitrary signature). */
  corrupt = new Set<string>();

  constructor(readonly gun: string) {
    this.rootSigners = [certificateSigner(gun)];
  }

  private next(role: string): number {
    this.versions[role] = (this.versions[role] ?? 0) + 1;
    return this.versions[role];
  }

  private common(role: string, type: string) {
    return { _type: type, expires: expiresIn(this.expires[role] ?? 1095, NOW), version: this.next(role) };
  }

  private signRole(role: string, signed: object, signers: Signer[]): Uint8Array {
    return signFile(signed, this.signOverride[role] ?? signers, this.corrupt.has(role));
  }

  publishRoot(): void {
    const keys = keyTable([...this.rootSigners, this.targetsSigner, this.snapshotSigner, this.timestampSigner]);
    const ids = (signers: Signer[]) => signers.map((s) => s.id);
    const roles = {
      root: { keyids: ids(this.rootSigners), threshold: this.rootThreshold },
      targets: { keyids: ids([this.targetsSigner]), threshold: 1 },
      snapshot: { keyids: ids([this.snapshotSigner]), threshold: 1 },
      timestamp: { keyids: ids([this.timestampSigner]), threshold: 1 },
    };
    const signed = { ...this.common('root', 'Root'), consistent_snapshot: false, keys, roles };
    this.files.root = this.signRole('root', signed, [...this.rootSigners, ...this.rootCosigners]);
    this.files[`${this.versions.root}.root`] = this.files.root;
  }

  /** Signs everything below root bottom-up, then the snapshot and the timestamp over the new bytes. */
  publish(): void {
    if (this.files.root === undefined) this.publishRoot();
    for (const d of [...this.delegations].reverse()) {
      const signed = { ...this.common(d.name, 'Targets'), targets: d.targets, delegations: { keys: {}, roles: [] } };
      this.files[d.name] = this.signRole(d.name, signed, d.signWith ?? d.signers);
    }
    const delegationRoles = this.delegations.map((d) => ({
      name: d.name,
      keyids: d.signers.map((s) => s.id),
      threshold: d.threshold,
      paths: d.paths,
    }));
    const delegations = { keys: keyTable(this.delegations.flatMap((d) => d.signers)), roles: delegationRoles };
    this.files.targets = this.signRole(
      'targets',
      { ...this.common('targets', 'Targets'), targets: this.targets, delegations },
      [this.targetsSigner],
    );
    const meta = Object.fromEntries(
      ['root', 'targets', ...this.delegations.map((d) => d.name)].map((r) => [
        r,
        fileMeta(this.files[r] ?? new Uint8Array()),
      ]),
    );
    this.files.snapshot = this.signRole('snapshot', { ...this.common('snapshot', 'Snapshot'), meta }, [
      this.snapshotSigner,
    ]);
    this.publishTimestamp();
  }

  publishTimestamp(): void {
    const meta = { snapshot: fileMeta(this.files.snapshot ?? new Uint8Array()) };
    this.files.timestamp = this.signRole('timestamp', { ...this.common('timestamp', 'Timestamp'), meta }, [
      this.timestampSigner,
    ]);
  }

  /** Serves a snapshot of the current files (or `files`), ignoring checksums as a lying proxy would. */
  source(files: Record<string, Uint8Array> = { ...this.files }): MetadataSource {
    return {
      fetch: async (request) =>
        files[request.version === undefined ? request.role : `${request.version}.${request.role}`],
    };
  }
}
