import { Document, LineCounter, parseDocument, type Node } from 'yaml';
import { DEFAULT_RULE, type EffectiveRule, type Policy, type PolicyException, type PolicyRule } from './policy';
import { PolicyError } from './policy-error';
import { PolicyReader } from './policy-reader';
import { RULE_SETTING_KEYS, readRuleSettings } from './read-rule';
import { mergeRule } from './rule-for';

const TOP_KEYS = ['version', 'allowedRegistries', 'rules', 'exceptions', ...RULE_SETTING_KEYS] as const;
const RULE_KEYS = ['match', ...RULE_SETTING_KEYS] as const;
const MATCH_KEYS = ['registry', 'repository'] as const;
const EXCEPTION_KEYS = ['image', 'codes', 'reason', 'until'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function readRule(reader: PolicyReader, node: Node, what: string): PolicyRule {
  const values = reader.map(node, what, RULE_KEYS);
  const matchNode = values.get('match');
  const match = reader.map(matchNode, `${what}.match`, MATCH_KEYS);
  if (match.size === 0) reader.fail('POLICY_INVALID_VALUE', `${what}.match needs registry or repository`, matchNode);
  const registry = match.has('registry') ? reader.string(match.get('registry'), `${what}.match.registry`) : undefined;
  const repository = match.has('repository')
    ? reader.string(match.get('repository'), `${what}.match.repository`)
    : undefined;
  return {
    match: { ...(registry ? { registry } : {}), ...(repository ? { repository } : {}) },
    ...readRuleSettings(reader, values, `${what}.`),
  };
}

function readException(reader: PolicyReader, node: Node, what: string): PolicyException {
  const values = reader.map(node, what, EXCEPTION_KEYS);
  const field = (key: string) => reader.required(values, key, node, what);
  const until = reader.string(field('until'), `${what}.until`);
  if (!DATE.test(until) || Number.isNaN(Date.parse(`${until}T00:00:00Z`)))
    reader.fail('POLICY_INVALID_VALUE', `${what}.until must be a date written YYYY-MM-DD`, values.get('until'));
  return {
    image: reader.string(field('image'), `${what}.image`),
    codes: values.has('codes') ? reader.strings(values.get('codes'), `${what}.codes`) : [],
    reason: reader.string(field('reason'), `${what}.reason`),
    until,
  };
}

function readPolicy(reader: PolicyReader, root: Node | null, source: string): Policy {
  const values = reader.map(root, 'the policy', TOP_KEYS);
  if (values.has('version') && reader.wholeNumber(values.get('version'), 'version') !== 1)
    reader.fail('POLICY_INVALID_VALUE', 'version must be 1, the only policy version there is', values.get('version'));
  const defaults: EffectiveRule = mergeRule(DEFAULT_RULE, readRuleSettings(reader, values, ''));
  const list = <T>(key: string, read: (node: Node, what: string) => T): T[] =>
    values.has(key) ? reader.list(values.get(key), key).map((node, i) => read(node, `${key}[${i}]`)) : [];
  return {
    source,
    defaults,
    allowedRegistries: values.has('allowedRegistries')
      ? reader.strings(values.get('allowedRegistries'), 'allowedRegistries')
      : [],
    rules: list('rules', (node, what) => readRule(reader, node, what)),
    exceptions: list('exceptions', (node, what) => readException(reader, node, what)),
  };
}

/** Parses `.image-trust.yaml`; every mistake is a PolicyError with its line and column, never a silent default. */
export function parsePolicyText(text: string, source: string): Policy {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const reader = new PolicyReader(source, lines);
  const syntax = document.errors[0];
  if (syntax !== undefined) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    const message = syntax.message.split('\n')[0] ?? 'invalid YAML';
    throw new PolicyError('POLICY_SYNTAX', message, source, { line, column: col }, { cause: syntax });
  }
  // An empty file is an empty policy: every default applies.
  if (document.contents === null) return readPolicy(reader, new Document({}).contents, source);
  return readPolicy(reader, document.contents, source);
}

/** The same policy given as an object (VS Code settings); errors name the key path. */
export function parsePolicyObject(value: unknown, source = 'settings'): Policy {
  return readPolicy(new PolicyReader(source), new Document(value).contents, source);
}
