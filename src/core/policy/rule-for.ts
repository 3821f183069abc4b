import type { Reference } from '../reference';
import { globMatches } from './glob-match';
import type { EffectiveRule, Policy, PolicyRule } from './policy';

/** A rule's settings laid over `base`: only what the rule writes changes; severities merge code by code. */
export function mergeRule(base: EffectiveRule, rule: Omit<PolicyRule, 'match'>): EffectiveRule {
  return {
    requirePin: rule.requirePin ?? base.requirePin,
    signatures: { ...base.signatures, ...rule.signatures },
    expiryWarningDays: rule.expiryWarningDays ?? base.expiryWarningDays,
    severity: { ...base.severity, ...rule.severity },
  };
}

/** The repository a reference names, registry included: `docker.io/library/alpine`. */
export function repositoryOf(reference: Pick<Reference, 'domain' | 'path'>): string {
  return `${reference.domain}/${reference.path}`;
}

function matches(rule: PolicyRule, reference: Pick<Reference, 'domain' | 'path'>): boolean {
  const { registry, repository } = rule.match;
  if (registry !== undefined && !globMatches(registry, reference.domain)) return false;
  return repository === undefined || globMatches(repository, repositoryOf(reference));
}

/** What applies to a reference: the policy's defaults, then every matching rule in order (a later one wins). */
export function ruleFor(policy: Policy, reference: Pick<Reference, 'domain' | 'path'> | null): EffectiveRule {
  if (reference === null) return policy.defaults;
  return policy.rules.filter((rule) => matches(rule, reference)).reduce(mergeRule, policy.defaults);
}

/** True when the policy lists no registries, or the reference's registry matches one of its globs. */
export function registryAllowed(policy: Policy, domain: string): boolean {
  return policy.allowedRegistries.length === 0 || policy.allowedRegistries.some((glob) => globMatches(glob, domain));
}
