/**
 * The project name compose-go derives from `name:` (the last document that sets one wins), interpolated and
 * normalized; it becomes COMPOSE_PROJECT_NAME for interpolating the rest of the file, above the environment.
 */
import { isMap, isScalar } from 'yaml';
import type { ComposeVariables } from './compose-variables';
import { interpolationMessage } from './service-context';
import type { YamlWalker } from './yaml-walker';

export function projectName(walkers: YamlWalker[], variables: ComposeVariables): string | undefined {
  let written: { walker: YamlWalker; value: string; node: NonNullable<ReturnType<YamlWalker['resolve']>> } | undefined;
  for (const walker of walkers) {
    const root = walker.resolve(walker.document.contents);
    const node = isMap(root) ? walker.get(root, 'name') : undefined;
    if (isScalar(node) && typeof node.value === 'string' && node.value !== '')
      written = { walker, value: node.value, node };
  }
  if (!written) return undefined;
  const result = variables.interpolate(written.value);
  if (result.error) {
    written.walker.problem(written.node, interpolationMessage('name', result.error));
    return undefined;
  }
  return normalizeProjectName(result.value) || undefined;
}

/** compose-go's NormalizeProjectName: lower case, only [a-z0-9_-], no leading `_` or `-`. */
export function normalizeProjectName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[_-]+/, '');
}
