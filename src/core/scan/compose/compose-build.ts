/**
 * `build:` of a service, interpolated, for the module that scans the Dockerfile with the same args: the string form
 * is the context; the map form has context (default `.`), dockerfile (default `Dockerfile`), dockerfile_inline, args
 * (a map, or a list of `K=V` / `K`; a `K` without value takes the variable's value, or is left out) and target.
 */
import { type Node, isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { SourceRange } from '../source-range';
import type { ServiceContext } from './service-context';

export interface ComposeBuild {
  service: string;
  context: string;
  dockerfile: string;
  dockerfileInline?: string;
  args: Record<string, string>;
  target?: string;
  /** The `build:` value as written: the string, or the whole map. */
  range: SourceRange;
}

export function readBuild(service: ServiceContext, node: Node): ComposeBuild | undefined {
  const range = service.rangeOf(node);
  if (isScalar(node)) {
    const context = service.text(node, 'build');
    return context === null ? undefined : { service: service.name, context, dockerfile: 'Dockerfile', args: {}, range };
  }
  if (!isMap(node)) {
    service.problem(node, `services.${service.name}.build must be a string or a mapping`);
    return undefined;
  }
  const field = (key: string) => optionalString(service, node, key);
  const [context, dockerfile, dockerfileInline, target] = ['context', 'dockerfile', 'dockerfile_inline', 'target'].map(
    field,
  );
  const args = readArgs(service, service.walker.get(node, 'args'));
  if (context === null || dockerfile === null || dockerfileInline === null || target === null || !args)
    return undefined;
  return {
    service: service.name,
    context: context ?? '.',
    dockerfile: dockerfile ?? 'Dockerfile',
    ...(dockerfileInline !== undefined && { dockerfileInline }),
    args,
    ...(target !== undefined && { target }),
    range,
  };
}

/** undefined when absent, null when present but unusable (already reported). */
function optionalString(service: ServiceContext, map: YAMLMap, key: string): string | undefined | null {
  const node = service.walker.get(map, key);
  if (node === undefined) return undefined;
  if (isScalar(node)) return service.text(node, `build.${key}`);
  service.problem(node, `services.${service.name}.build.${key} must be a string`);
  return null;
}

function readArgs(service: ServiceContext, node: Node | undefined): Record<string, string> | undefined {
  const args: Record<string, string> = {};
  if (node === undefined) return args;
  if (isMap(node)) {
    for (const [key, entry] of service.walker.entries(node)) {
      const value = service.walker.resolve(entry.value);
      if (value !== undefined && !isScalar(value)) {
        service.problem(value, `services.${service.name}.build.args.${key} must be a boolean, null, number or string`);
        return undefined;
      }
      // `K:` without a value takes the variable's value, like `K` in the list form.
      const text = value && value.value !== null ? service.text(value, `build.args.${key}`, true) : service.lookup(key);
      if (text === null) return undefined;
      if (text !== undefined) args[key] = text;
    }
    return args;
  }
  if (!isSeq(node)) {
    service.problem(node, `services.${service.name}.build.args must be a mapping or a list`);
    return undefined;
  }
  for (const item of node.items) {
    const value = service.walker.resolve(item);
    const text = isScalar(value) ? service.text(value, 'build.args[]', true) : undefined;
    if (text === null) return undefined;
    if (text === undefined) continue;
    const equals = text.indexOf('=');
    const [key, given] = equals === -1 ? [text, service.lookup(text)] : [text.slice(0, equals), text.slice(equals + 1)];
    if (given !== undefined) args[key] = given;
  }
  return args;
}
