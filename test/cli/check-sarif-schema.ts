/**
 * The parts of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json, errata01) that `check --format sarif`
 * uses, written out as a draft-04 subset: for every object, its properties, which are required, that no other
 * property is allowed, and the enums and minimums of its values. Objects the report does not produce are absent,
 * so producing one fails validation instead of passing unchecked.
 */
export type Schema =
  | { type: 'string'; enum?: readonly string[] }
  | { type: 'integer'; minimum?: number }
  | { type: 'array'; items: Schema; minItems?: number }
  | {
      type: 'object';
      properties: Record<string, Schema>;
      required?: readonly string[];
      anyOf?: readonly (readonly string[])[];
    }
  | { type: 'map'; values: Schema }
  | { ref: string };

const string: Schema = { type: 'string' };
const ref = (name: string): Schema => ({ ref: name });
const array = (items: Schema, minItems = 0): Schema => ({ type: 'array', items, minItems });
const LEVEL = ['none', 'note', 'warning', 'error'] as const;

export const SARIF_DEFINITIONS: Record<string, Schema> = {
  sarifLog: {
    type: 'object',
    properties: { $schema: string, version: { type: 'string', enum: ['2.1.0'] }, runs: array(ref('run')) },
    required: ['version', 'runs'],
  },
  run: {
    type: 'object',
    properties: {
      tool: ref('tool'),
      results: array(ref('result')),
      originalUriBaseIds: { type: 'map', values: ref('artifactLocation') },
      columnKind: { type: 'string', enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
    },
    required: ['tool'],
  },
  tool: { type: 'object', properties: { driver: ref('toolComponent') }, required: ['driver'] },
  toolComponent: {
    type: 'object',
    properties: { name: string, version: string, rules: array(ref('reportingDescriptor')) },
    required: ['name'],
  },
  reportingDescriptor: {
    type: 'object',
    properties: { id: string, shortDescription: ref('multiformatMessageString') },
    required: ['id'],
  },
  multiformatMessageString: { type: 'object', properties: { text: string }, required: ['text'] },
  message: { type: 'object', properties: { text: string, id: string }, anyOf: [['text'], ['id']] },
  result: {
    type: 'object',
    properties: {
      ruleId: string,
      ruleIndex: { type: 'integer', minimum: -1 },
      level: { type: 'string', enum: LEVEL },
      message: ref('message'),
      locations: array(ref('location')),
      suppressions: array(ref('suppression')),
      fixes: array(ref('fix')),
    },
    required: ['message'],
  },
  location: { type: 'object', properties: { physicalLocation: ref('physicalLocation') } },
  physicalLocation: {
    type: 'object',
    properties: { artifactLocation: ref('artifactLocation'), region: ref('region') },
    anyOf: [['artifactLocation']],
  },
  artifactLocation: { type: 'object', properties: { uri: string, uriBaseId: string } },
  region: {
    type: 'object',
    properties: {
      startLine: { type: 'integer', minimum: 1 },
      startColumn: { type: 'integer', minimum: 1 },
      endLine: { type: 'integer', minimum: 1 },
      endColumn: { type: 'integer', minimum: 1 },
    },
    anyOf: [['startLine']],
  },
  suppression: {
    type: 'object',
    properties: { kind: { type: 'string', enum: ['inSource', 'external'] }, justification: string },
    required: ['kind'],
  },
  fix: {
    type: 'object',
    properties: { description: ref('message'), artifactChanges: array(ref('artifactChange'), 1) },
    required: ['artifactChanges'],
  },
  artifactChange: {
    type: 'object',
    properties: { artifactLocation: ref('artifactLocation'), replacements: array(ref('replacement'), 1) },
    required: ['artifactLocation', 'replacements'],
  },
  replacement: {
    type: 'object',
    properties: { deletedRegion: ref('region'), insertedContent: ref('artifactContent') },
    required: ['deletedRegion'],
  },
  artifactContent: { type: 'object', properties: { text: string } },
};
