import { homedir } from 'node:os';
import { ruleFor, type EffectiveRule, type IdentityRule, type Policy } from '../core/policy';
import type { CredentialSource } from '../core/registry/credential';
import type { Transport } from '../core/registry/ports';
import type { ImageRef } from '../core/scan/image-ref';
import type { MetadataSource, NotaryServerSettings, ResolutionDctDeps } from '../core/trust/notary';
import {
  createSigstoreTrust,
  publicGoodTrustedRoot,
  type CosignKey,
  type IdentityPolicy,
} from '../core/trust/sigstore';
import { createDiskTrustStore, defaultTrustRoot } from '../node/notary-trust-store';
import { systemClock } from '../node/system-clock';
import type { CliIo } from './cli-io';
import type { CosignTrust, VerifyPlan } from './check-verify';

export interface TrustInputs {
  servers: NotaryServerSettings;
  /** --key and the identity flags: trusted for every image. */
  keys: CosignKey[];
  identities: IdentityRule[];
  /** The keys the policy names, parsed (PEM text or path → key). */
  policyKeys: Map<string, CosignKey>;
}

/** A policy identity as the verifier takes it: the SAN exact or as a pattern, the issuer always exact. */
function toIdentityPolicy(identity: IdentityRule): IdentityPolicy {
  const subject =
    identity.kind === 'exact'
      ? { kind: 'exact' as const, value: identity.subject }
      : { kind: 'regexp' as const, pattern: identity.subjectRegExp };
  return { subject, issuer: { kind: 'exact', value: identity.issuer } };
}

/**
 * DCT is verified where someone named a notary server (flag or DOCKER_CONTENT_TRUST_SERVER), and wherever the
 * rule requires DCT itself; `any` alone does not send requests to a notary server nobody configured. cosign is
 * verified where there is a key or identity to verify with; its verifiers are built once per distinct rule.
 */
export function verifyPlan(policy: Policy, inputs: TrustInputs): VerifyPlan {
  const configured = inputs.servers.explicit !== undefined || inputs.servers.environment !== undefined;
  const built = new Map<string, CosignTrust>();
  let trustedRoot: ReturnType<typeof publicGoodTrustedRoot> | undefined;
  const cosignTrust = (rule: EffectiveRule): CosignTrust | undefined => {
    const { signatures } = rule;
    const keys = [...inputs.keys, ...signatures.keys.flatMap((entry) => inputs.policyKeys.get(entry) ?? [])];
    const identities = [...inputs.identities, ...signatures.identities].map(toIdentityPolicy);
    if (keys.length === 0 && identities.length === 0) return undefined;
    const id = JSON.stringify([keys.map((key) => key.keyId), identities, signatures.requireTlog]);
    let found = built.get(id);
    if (found === undefined) {
      trustedRoot ??= publicGoodTrustedRoot();
      const trust = createSigstoreTrust({ trustedRoot, keys, identities, requireTlog: signatures.requireTlog });
      found = { id, trust };
      built.set(id, found);
    }
    return found;
  };
  return {
    ruleOf: (ref: ImageRef) => ruleFor(policy, ref.reference),
    wantsDct: (_ref: ImageRef, rule: EffectiveRule) => configured || rule.signatures.require === 'dct',
    cosignTrust,
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
