/**
 * Other compose files a compose file brings into its project, as compose-go loads them: the top-level `include`
 * (a path, or entries `{path, project_directory, env_file}` whose path and env_file take one or several) and a
 * service's `extends: {file, service}`. Their images are the project's images, so they are scanned too. Paths are
 * interpolated; relative ones are relative to the including file's folder.
 */
import { type Node, isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { ServiceContext } from './service-context';

export interface ComposeLink {
  via: 'include' | 'extends';
  paths: string[];
  /** Where the link is written (1-based), for a missing file's message. */
  line: number;
  /** include's `project_directory`: its `.env` is read for the included files unless `env_file` is given. */
  projectDirectory?: string;
  envFiles?: string[];
}

/** `include:` of one document; `at` reads scalars with messages naming `include`. */
export function readIncludes(at: ServiceContext, node: Node): ComposeLink[] {
  if (!isSeq(node)) {
    at.problem(node, 'include must be a list');
    return [];
  }
  const links: ComposeLink[] = [];
  for (const item of node.items) {
    const entry = at.walker.resolve(item);
    const link = entry === undefined ? undefined : readInclude(at, entry);
    if (link) links.push(link);
  }
  return links;
}

/** A service's `extends`: only the form naming another file brings one in. */
export function readExtends(service: ServiceContext, node: Node): ComposeLink | undefined {
  if (!isMap(node)) return undefined;
  const file = service.walker.get(node, 'file');
  if (file === undefined) return undefined;
  const paths = stringsAt(service, file, 'extends.file', false);
  return paths ? { via: 'extends', paths, line: lineOf(service, file) } : undefined;
}

function readInclude(at: ServiceContext, entry: Node): ComposeLink | undefined {
  const line = lineOf(at, entry);
  if (isScalar(entry)) {
    const paths = stringsAt(at, entry, 'path', false);
    return paths ? { via: 'include', paths, line } : undefined;
  }
  if (!isMap(entry)) {
    at.problem(entry, 'include entries must be a string or a mapping');
    return undefined;
  }
  const path = at.walker.get(entry, 'path');
  if (path === undefined) {
    at.problem(entry, 'include entries must have a path');
    return undefined;
  }
  const paths = stringsAt(at, path, 'path', true);
  const projectDirectory = optional(at, entry, 'project_directory', false)?.[0];
  const envFiles = optional(at, entry, 'env_file', true);
  if (!paths) return undefined;
  return { via: 'include', paths, line, ...(projectDirectory && { projectDirectory }), ...(envFiles && { envFiles }) };
}

function optional(at: ServiceContext, map: YAMLMap, key: string, listAllowed: boolean): string[] | undefined {
  const node = at.walker.get(map, key);
  return node === undefined ? undefined : stringsAt(at, node, key, listAllowed);
}

/** A string, or (where compose takes one) a list of strings; undefined once a problem is reported. */
function stringsAt(at: ServiceContext, node: Node, path: string, listAllowed: boolean): string[] | undefined {
  const items = listAllowed && isSeq(node) ? node.items.map((item) => at.walker.resolve(item)) : [node];
  const texts: string[] = [];
  for (const item of items) {
    if (!isScalar(item)) {
      if (item !== undefined) at.problem(item, `${at.prefix}.${path} must be a string`);
      return undefined;
    }
    const text = at.text(item, path);
    if (text === null) return undefined;
    texts.push(text);
  }
  return texts;
}

function lineOf(at: ServiceContext, node: Node): number {
  return at.file.index.position(node.range?.[0] ?? 0).line;
}
