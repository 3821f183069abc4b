import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { ruleFor, type IdentityRule, type Policy } from '../policy';
import type { RegistryRef } from '../registry/client-types';
import { createSigstoreTrust, type CosignKey, type IdentityPolicy, type SigstoreTrust } from '../trust/sigstore';

/** What the user trusts for every image (settings), besides what the policy's rules name. */
export interface CosignTrustInputs {
  keys: readonly CosignKey[];
  identities: readonly IdentityRule[];
  /** The policy's key entries (PEM text or a path), parsed by the host. */
  policyKeys: ReadonlyMap<string, CosignKey>;
  trustedRoot: TrustedRoot;
}

/** A policy identity as the verifier takes it: the SAN exactly or as a pattern, the issuer exactly. */
export function toIdentityPolicy(identity: IdentityRule): IdentityPolicy {
  const subject =
    identity.kind === 'exact'
      ? { kind: 'exact' as const, value: identity.subject }
      : { kind: 'regexp' as const, pattern: identity.subjectRegExp };
  return { subject, issuer: { kind: 'exact', value: identity.issuer } };
}

/**
 * The cosign trust for each image: the settings' keys and identities plus those of the policy rule matching the
 * image, so a key trusted for one repository does not vouch for another. Undefined where there is nothing to
 * verify with. Verifiers are built once per distinct set.
 */
export function cosignTrustPlan(policy: Policy, inputs: CosignTrustInputs) {
  const built = new Map<string, SigstoreTrust>();
  return (reference: RegistryRef): SigstoreTrust | undefined => {
    const { signatures } = ruleFor(policy, reference);
    const keys = [...inputs.keys, ...signatures.keys.flatMap((entry) => inputs.policyKeys.get(entry) ?? [])];
    const identities = [...inputs.identities, ...signatures.identities].map(toIdentityPolicy);
    if (keys.length === 0 && identities.length === 0) return undefined;
    const id = JSON.stringify([keys.map((key) => key.keyId), identities, signatures.requireTlog]);
    let trust = built.get(id);
    if (trust === undefined) {
      trust = createSigstoreTrust({
        trustedRoot: inputs.trustedRoot,
        keys,
        identities,
        requireTlog: signatures.requireTlog,
      });
      built.set(id, trust);
    }
    return trust;
  };
}
