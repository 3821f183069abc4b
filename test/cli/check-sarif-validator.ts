import { SARIF_DEFINITIONS, type Schema } from './check-sarif-schema';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function validateObject(schema: Extract<Schema, { type: 'object' }>, value: unknown, at: string, errors: string[]) {
  if (!isObject(value)) return void errors.push(`${at}: not an object`);
  for (const key of schema.required ?? []) if (!(key in value)) errors.push(`${at}: ${key} is required`);
  if (schema.anyOf && !schema.anyOf.some((keys) => keys.every((key) => key in value)))
    errors.push(`${at}: needs one of ${schema.anyOf.map((keys) => keys.join('+')).join(' | ')}`);
  for (const [key, item] of Object.entries(value)) {
    const property = schema.properties[key];
    if (property === undefined) errors.push(`${at}: ${key} is not allowed (additionalProperties: false)`);
    else validate(property, item, `${at}.${key}`, errors);
  }
}

/** Validates `value` against a schema of the subset above; returns every violation with its JSON path. */
export function validate(schema: Schema, value: unknown, at: string, errors: string[]): string[] {
  if ('ref' in schema) {
    const target = SARIF_DEFINITIONS[schema.ref];
    if (target === undefined) throw new Error(`no definition ${schema.ref}`);
    return validate(target, value, at, errors);
  }
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') errors.push(`${at}: not a string`);
      else if (schema.enum && !schema.enum.includes(value))
        errors.push(`${at}: '${value}' is not one of ${schema.enum.join(', ')}`);
      break;
    case 'integer':
      if (!Number.isInteger(value)) errors.push(`${at}: not an integer`);
      else if (schema.minimum !== undefined && (value as number) < schema.minimum)
        errors.push(`${at}: below ${schema.minimum}`);
      break;
    case 'array':
      if (!Array.isArray(value)) errors.push(`${at}: not an array`);
      else {
        if (value.length < (schema.minItems ?? 0)) errors.push(`${at}: fewer than ${schema.minItems} items`);
        value.forEach((item, i) => validate(schema.items, item, `${at}[${i}]`, errors));
      }
      break;
    case 'map':
      if (!isObject(value)) errors.push(`${at}: not an object`);
      else for (const [key, item] of Object.entries(value)) validate(schema.values, item, `${at}.${key}`, errors);
      break;
    case 'object':
      validateObject(schema, value, at, errors);
  }
  return errors;
}

/** The violations of a SARIF log; empty when it is valid. */
export function sarifErrors(log: unknown): string[] {
  return validate({ ref: 'sarifLog' }, log, '$', []);
}
