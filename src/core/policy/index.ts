export { atLeast, FINDING_CODES, type Finding, type FindingSeverity, type PinFix, type Suppression } from './finding';
export { parseIgnoreComments, type IgnoreComment } from './ignore-comments';
export { judge } from './judge';
export type { JudgeInput, RefResolution, TrustEvidence } from './judge-input';
export { parsePolicyObject, parsePolicyText } from './parse-policy';
export {
  DEFAULT_POLICY,
  DEFAULT_RULE,
  type EffectiveRule,
  type IdentityRule,
  type Policy,
  type PolicyException,
  type PolicyRule,
  type SignatureKind,
} from './policy';
export { PolicyError, type PolicyErrorCode } from './policy-error';
export { ruleFor } from './rule-for';
export { dctSeverity } from './trust-severity';
