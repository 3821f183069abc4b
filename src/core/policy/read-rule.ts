import type { Node } from 'yaml';
import type { IdentityRule, PolicyRule, SeveritySetting, SignatureKind, SignatureRule } from './policy';
import type { PolicyReader } from './policy-reader';

export const RULE_SETTING_KEYS = ['requirePin', 'signatures', 'expiryWarningDays', 'severity'] as const;
const SIGNATURE_KEYS = ['require', 'keys', 'identities', 'matchReference', 'requireTlog'] as const;
const IDENTITY_KEYS = ['subject', 'subjectRegExp', 'issuer'] as const;
const SIGNATURE_KINDS: readonly SignatureKind[] = ['any', 'dct', 'cosign', 'none'];
const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
const CODE = /^[A-Z][A-Z0-9_]*$/;

type Values = Map<string, Node | null>;

function readIdentity(reader: PolicyReader, node: Node, what: string): IdentityRule {
  const values = reader.map(node, what, IDENTITY_KEYS);
  const issuer = reader.string(reader.required(values, 'issuer', node, what), `${what}.issuer`);
  const exact = values.get('subject');
  const pattern = values.get('subjectRegExp');
  if ((exact === undefined) === (pattern === undefined))
    reader.fail('POLICY_INVALID_VALUE', `${what} needs exactly one of subject and subjectRegExp`, node);
  if (exact !== undefined) return { kind: 'exact', subject: reader.string(exact, `${what}.subject`), issuer };
  const subjectRegExp = reader.string(pattern, `${what}.subjectRegExp`);
  try {
    new RegExp(subjectRegExp);
  } catch {
    reader.fail('POLICY_INVALID_VALUE', `${what}.subjectRegExp is not a valid regular expression`, pattern);
  }
  return { kind: 'regexp', subjectRegExp, issuer };
}

function readSignatures(reader: PolicyReader, node: Node | null, what: string): Partial<SignatureRule> {
  const values = reader.map(node, what, SIGNATURE_KEYS);
  const rule: Partial<SignatureRule> = {};
  if (values.has('require')) rule.require = reader.oneOf(values.get('require'), `${what}.require`, SIGNATURE_KINDS);
  if (values.has('keys')) rule.keys = reader.strings(values.get('keys'), `${what}.keys`);
  if (values.has('identities'))
    rule.identities = reader
      .list(values.get('identities'), `${what}.identities`)
      .map((item, i) => readIdentity(reader, item, `${what}.identities[${i}]`));
  if (values.has('matchReference'))
    rule.matchReference = reader.boolean(values.get('matchReference'), `${what}.matchReference`);
  if (values.has('requireTlog')) rule.requireTlog = reader.boolean(values.get('requireTlog'), `${what}.requireTlog`);
  return rule;
}

function readSeverity(reader: PolicyReader, node: Node | null, what: string): Record<string, SeveritySetting> {
  const severity: Record<string, SeveritySetting> = {};
  for (const { name, key, value } of reader.entries(node, what)) {
    if (!CODE.test(name)) reader.fail('POLICY_INVALID_VALUE', `${what} keys are finding codes, not '${name}'`, key);
    severity[name] = reader.oneOf(value, `${what}.${name}`, SEVERITIES);
  }
  return severity;
}

/** A rule's settings (also the policy's top-level defaults); matching is read by the caller. */
export function readRuleSettings(reader: PolicyReader, values: Values, what: string): Omit<PolicyRule, 'match'> {
  const rule: Omit<PolicyRule, 'match'> = {};
  if (values.has('requirePin')) rule.requirePin = reader.boolean(values.get('requirePin'), `${what}requirePin`);
  if (values.has('signatures'))
    rule.signatures = readSignatures(reader, values.get('signatures') ?? null, `${what}signatures`);
  if (values.has('expiryWarningDays'))
    rule.expiryWarningDays = reader.wholeNumber(values.get('expiryWarningDays'), `${what}expiryWarningDays`);
  if (values.has('severity')) rule.severity = readSeverity(reader, values.get('severity') ?? null, `${what}severity`);
  return rule;
}
