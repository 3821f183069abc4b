import type { CosignInfo } from './cosign-signing';
import type { Platform } from './oci-layout';
import type { RegistryKind } from './registry-config';
import type { RigUser } from './rig-users';
import type { SigstoreRigInfo } from './sigstore-rig';
import type { NotaryInfo, SignedTag } from './trust-publisher';

export type { CosignInfo, NotaryInfo, Platform, RegistryKind, RigUser, SignedTag, SigstoreRigInfo };

/** How a registry authenticates; `users` are the rig's users (RIG_USERS). */
export type RegistryAuth =
  | { kind: 'none' }
  | { kind: 'basic'; realm: string; users: readonly RigUser[] }
  | { kind: 'token'; realm: string; service: string; issuer: string; users: readonly RigUser[] };

/** Connection data for one registry; plain data, so it survives vitest's `provide`/`inject`. */
export interface RegistryInfo {
  kind: RegistryKind;
  /** `127.0.0.1:PORT`, the registry part of an image reference. */
  host: string;
  /** `http://127.0.0.1:PORT` or `https://127.0.0.1:PORT`. */
  url: string;
  /** PEM file of the CA that signed the registry's (and the token server's) certificate; absent for HTTP. */
  caFile?: string;
  /** A directory with only `ca.crt`, for skopeo's `--cert-dir`; absent for HTTP. */
  certDir?: string;
  auth: RegistryAuth;
}

/** One platform's manifest; for a single-platform image it is the image itself. */
export interface PlatformManifest {
  platform: Platform;
  digest: string;
  mediaType: string;
  size: number;
}

/** An image the rig pushed. The digest is computed from the bytes and checked against skopeo's report. */
export interface PushedImage {
  registry: RegistryKind;
  repo: string;
  tag: string;
  /** `127.0.0.1:PORT/repo:tag` */
  reference: string;
  digest: string;
  mediaType: string;
  size: number;
  /** Two entries for the multi-platform indexes, one for single-platform manifests. */
  platforms: PlatformManifest[];
}

/** Everything a test needs to reach the rig; serializable (no functions). */
export interface RigInfo {
  registries: Record<RegistryKind, RegistryInfo>;
  pushed: PushedImage[];
  /** notary-server with trust data for `<http registry>/demo/app`, published with the notary CLI. */
  notary: NotaryInfo & { signerPort: number };
  /** cosign-format signatures on `<http registry>/demo/app` (cosign-signing.ts); absent when the plan lacks its tags. */
  cosign?: CosignInfo;
  /** Sigstore signatures (keyless, v3 bundles, referrers, attestations) on `<http registry>/demo/sigstore`. */
  sigstore?: SigstoreRigInfo;
  /** Servers the rig spawned, so a test can prove that none is left after `stop()`. */
  processes: { name: string; pid: number }[];
  /** The rig's PKI, for tests that serve TLS themselves (e.g. a fault proxy): the cert covers 127.0.0.1. */
  tls: { caFile: string; certDir: string; certFile: string; keyFile: string };
  /** The rig's temp dir (under os.tmpdir()); removed by `stop()`. */
  dir: string;
  timings: { pkiMs: number; serversMs: number; pushMs: number; trustMs: number; totalMs: number };
}
