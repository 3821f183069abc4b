import { homedir } from 'node:os';
import { cosignTrustPlan } from '../core/features/cosign-trust-plan';
import { ruleFor, type EffectiveRule, type IdentityRule, type Policy } from '../core/policy';
import type { CredentialSource } from '../core/registry/credential';
import type { Transport } from '../core/registry/ports';
import type { ImageRef } from '../core/scan/image-ref';
import type { MetadataSource, NotaryServerSettings, ResolutionDctDeps } from '../core/trust/notary';
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { publicGoodTrustedRoot, type CosignKey } from '../core/trust/sigstore';
import { createDiskTrustStore, defaultTrustRoot } from '../node/notary-trust-store';
import { systemClock } from '../node/system-clock';
import type { CliIo } from './cli-io';
import type { VerifyPlan } from './check-verify';

export interface TrustInputs {
  servers: NotaryServerSettings;
  /** --key and the identity flags: trusted for every image. */
  keys: CosignKey[];
  identities: IdentityRule[];
  /** The keys the policy names, parsed (PEM text or path → key). */
  policyKeys: Map<string, CosignKey>;
  /** --trusted-root; the public-good root shipped with the tool otherwise. */
  trustedRoot?: TrustedRoot;
}

/**
 * DCT is verified where someone named a notary server (flag or DOCKER_CONTENT_TRUST_SERVER), and wherever the
 * rule requires DCT itself; `any` alone does not send requests to a notary server nobody configured. cosign is
 * verified where there is a key or identity to verify with (the editor's plan: verifiers built once per set).
 */
export function verifyPlan(policy: Policy, inputs: TrustInputs): VerifyPlan {
  const configured = inputs.servers.explicit !== undefined || inputs.servers.environment !== undefined;
  let trustOf: ReturnType<typeof cosignTrustPlan> | undefined;
  return {
    ruleOf: (ref: ImageRef) => ruleFor(policy, ref.reference),
    wantsDct: (_ref: ImageRef, rule: EffectiveRule) => configured || rule.signatures.require === 'dct',
    cosignTrust(ref: ImageRef) {
      if (!ref.reference) return undefined;
      trustOf ??= cosignTrustPlan(policy, { ...inputs, trustedRoot: inputs.trustedRoot ?? publicGoodTrustedRoot() });
      return trustOf(ref.reference);
    },
  };
}

/** The notary deps of one check: one reference time, the disk trust store (root pins), shared sources. */
export function dctDeps(
  io: CliIo,
  registry: { transport: Transport; credentials: CredentialSource },
  servers: NotaryServerSettings,
  expiryWarningDays: number,
  referenceTime: number,
): ResolutionDctDeps {
  return {
    ...registry,
    clock: systemClock,
    store: createDiskTrustStore(defaultTrustRoot(io.env, io.env.HOME ?? homedir())),
    servers,
    options: { expiryWarningDays },
    referenceTime,
    sources: new Map<string, MetadataSource>(),
    updates: new Map(),
  };
}
