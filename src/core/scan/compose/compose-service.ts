/**
 * The image references of one service: `image` (with the service's `platform`, which picks the manifest Compose
 * pulls), long-syntax `volumes` entries of `type: image` (their `source` is an image), and its `build`.
 */
import { type Node, isMap, isScalar, isSeq, type Scalar, type YAMLMap } from 'yaml';
import type { FoundImage, ImageRefKind } from '../found-image';
import { readBuild, type ComposeBuild } from './compose-build';
import { readExtends, type ComposeLink } from './compose-links';
import { interpolationMessage, type ServiceContext } from './service-context';

export interface ServiceFindings {
  images: FoundImage[];
  builds: ComposeBuild[];
  links: ComposeLink[];
}

export function scanService(service: ServiceContext, map: YAMLMap, out: ServiceFindings): void {
  const { walker } = service;
  const image = walker.get(map, 'image');
  const found = image === undefined ? undefined : reportImage(service, image, 'image', 'compose-image', out);
  const platform = walker.get(map, 'platform');
  if (found && isScalar(platform)) {
    const text = service.text(platform, 'platform');
    if (text !== null) found.platform = text;
  }
  const volumes = walker.get(map, 'volumes');
  if (isSeq(volumes)) for (const volume of volumes.items) scanVolume(service, walker.resolve(volume), out);
  const build = walker.get(map, 'build');
  const read = build === undefined ? undefined : readBuild(service, build);
  if (read) out.builds.push(read);
  const extended = walker.get(map, 'extends');
  const link = extended === undefined ? undefined : readExtends(service, extended);
  if (link) out.links.push(link);
}

function scanVolume(service: ServiceContext, volume: Node | undefined, out: ServiceFindings): void {
  // The compose schema takes a string (short syntax) or a mapping; anything else (an alias bomb's nested
  // sequences, say) is reported, not walked.
  if (volume !== undefined && !isMap(volume) && !(isScalar(volume) && typeof volume.value === 'string')) {
    service.problem(volume, `services.${service.name}.volumes entries must be a string or a mapping`);
  }
  if (!isMap(volume)) return;
  const type = service.walker.get(volume, 'type');
  if (!isScalar(type) || service.text(type, 'volumes[].type') !== 'image') return;
  const source = service.walker.get(volume, 'source');
  if (source !== undefined) reportImage(service, source, 'volumes[].source', 'compose-volume-image', out);
}

function reportImage(
  service: ServiceContext,
  node: Node,
  path: string,
  kind: ImageRefKind,
  out: ServiceFindings,
): FoundImage | undefined {
  if (!isScalar(node) || typeof node.value !== 'string') {
    service.problem(node, `services.${service.name}.${path} must be a string`);
    return undefined;
  }
  const found = foundImage(service, node as Scalar<string>, path, kind);
  out.images.push(found);
  return found;
}

function foundImage(service: ServiceContext, node: Scalar<string>, path: string, kind: ImageRefKind): FoundImage {
  const written = service.written(node);
  const { variables } = service.file;
  const result = variables.interpolate(node.value);
  const found: FoundImage = { kind, range: written.range, text: written.text, expanded: null, service: service.name };
  const origins = variables.origins(result.used, written);
  if (origins.length > 0) found.variables = origins;
  if (result.error) found.error = interpolationMessage(`services.${service.name}.${path}`, result.error);
  else found.expanded = result.value;
  return found;
}
