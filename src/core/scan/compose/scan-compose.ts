/**
 * Finds every image reference in one compose file as Docker Compose (compose-go) reads it. Every YAML document of
 * the stream is read (compose-go merges them in order, so each one's images are reported), but only `services` is
 * walked: parse once, touch little.
 */
import { isMap, isScalar, type Node, parseAllDocuments } from 'yaml';
import type { ScanError, ScanResult } from '../found-image';
import { LineIndex } from '../source-range';
import type { ComposeBuild } from './compose-build';
import { readIncludes, type ComposeLink } from './compose-links';
import { scanService, type ServiceFindings } from './compose-service';
import { ComposeVariables, type ComposeVariableSources } from './compose-variables';
import { projectName } from './project-name';
import { ServiceContext, type FileContext } from './service-context';
import { YamlWalker } from './yaml-walker';

export type ComposeScanOptions = ComposeVariableSources;

/** `links`: the other compose files this one includes or extends services from, to be scanned as the project's. */
export type ComposeScan = ScanResult & { builds: ComposeBuild[]; links: ComposeLink[] };

/**
 * Aliases are followed by YamlWalker under its own budget; yaml's cap is a second guard should anything expand.
 * Duplicate keys are checked by YamlWalker (yaml's check is quadratic).
 */
const YAML_OPTIONS = { merge: true, uniqueKeys: false, prettyErrors: false, maxAliasCount: 10_000 } as const;

export function scanCompose(text: string, options: ComposeScanOptions): ComposeScan {
  const index = new LineIndex(text);
  const file: FileContext = { source: text, index, variables: new ComposeVariables(options, index) };
  const found: ServiceFindings = { images: [], builds: [], links: [] };
  const errors: ScanError[] = [];
  const lineOf = (offset: number) => index.position(offset).line;
  const walkers: YamlWalker[] = [];
  for (const doc of parseAllDocuments(text, YAML_OPTIONS)) {
    for (const error of doc.errors) errors.push({ line: lineOf(error.pos[0]), message: error.message });
    if (doc.errors.length === 0 && doc.contents !== null) walkers.push(new YamlWalker(doc, lineOf));
  }
  if (walkers.length === 0 && errors.length === 0) errors.push({ line: 1, message: 'empty compose file' });
  file.variables.projectName = projectName(walkers, file.variables);
  let sawServices = false;
  for (const walker of walkers) sawServices = scanDocument(walker, file, found) || sawServices;
  for (const walker of walkers) {
    for (const problem of walker.problems) errors.push({ line: lineOf(problem.offset), message: problem.message });
  }
  if (walkers.length > 0 && !sawServices) errors.push({ line: 1, message: 'compose file has no services' });
  return { images: found.images, errors, builds: found.builds, links: found.links };
}

/** Reads one document's services and includes; false when it has neither (absent or null). */
function scanDocument(walker: YamlWalker, file: FileContext, found: ServiceFindings): boolean {
  const root = walker.resolve(walker.document.contents);
  if (!isMap(root)) {
    if (root !== undefined) walker.problem(root, 'top-level object must be a mapping');
    return false;
  }
  const include = walker.get(root, 'include');
  const includes = include !== undefined && !isNull(include);
  if (includes) found.links.push(...readIncludes(new ServiceContext('include', walker, file, 'include'), include));
  const services = walker.get(root, 'services');
  if (services === undefined || isNull(services)) return includes;
  if (!isMap(services)) {
    walker.problem(services, 'services must be a mapping');
    return true;
  }
  for (const [name, entry] of walker.entries(services)) {
    if (walker.exhausted) break;
    const service = walker.resolve(entry.value);
    if (isMap(service)) scanService(new ServiceContext(name, walker, file), service, found);
    else if (service !== undefined && !isNull(service)) walker.problem(service, `services.${name} must be a mapping`);
  }
  return true;
}

function isNull(node: Node): boolean {
  return isScalar(node) && node.value === null;
}
