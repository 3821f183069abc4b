import { manifestKind, type ManifestKind } from '../registry/media-types';
import { parseDescriptor, parseJsonDocument, type Descriptor } from './descriptor';
import { IpfsError } from './ipfs-error';

/** A verified index or manifest with the descriptors it names: an index's manifests, a manifest's config and layers. */
export interface ImageDocument {
  kind: ManifestKind;
  doc: Record<string, unknown>;
  children: Descriptor[];
}

/** `undefined` for a descriptor that names a plain blob (config, layer, anything not a manifest or index). */
export function documentKind(descriptor: Descriptor): ManifestKind | undefined {
  return manifestKind(descriptor.mediaType);
}

/** Reads the bytes `descriptor` names; they must have been verified against its digest already. */
export function parseImageDocument(bytes: Uint8Array, descriptor: Descriptor): ImageDocument {
  const kind = documentKind(descriptor);
  if (kind === undefined)
    throw new IpfsError('IPFS_UNSUPPORTED', `${descriptor.mediaType} is not a manifest or index.`);
  const doc = parseJsonDocument(bytes, `the ${kind} ${descriptor.digest}`);
  if (kind === 'index') {
    if (!Array.isArray(doc.manifests)) throw invalid(`the index ${descriptor.digest} has no manifests list`);
    return { kind, doc, children: doc.manifests.map((m, i) => parseDescriptor(m, `manifest ${i} of the index`)) };
  }
  if (!Array.isArray(doc.layers)) throw invalid(`the manifest ${descriptor.digest} has no layers list`);
  const config = parseDescriptor(doc.config, `the config of ${descriptor.digest}`);
  const layers = doc.layers.map((layer, i) => parseDescriptor(layer, `layer ${i} of ${descriptor.digest}`));
  return { kind, doc, children: [config, ...layers] };
}

/** The same document with its child descriptors replaced, in the order `children` listed them. */
export function withChildren(document: ImageDocument, children: Descriptor[]): Record<string, unknown> {
  if (document.kind === 'index') return { ...document.doc, manifests: children };
  const [config, ...layers] = children;
  return { ...document.doc, config, layers };
}

function invalid(why: string): IpfsError {
  return new IpfsError('IPFS_DESCRIPTOR_INVALID', `${why}.`);
}
