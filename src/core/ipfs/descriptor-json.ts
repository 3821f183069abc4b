import type { Descriptor } from './descriptor';

// Go's ocispec.Descriptor field order, so a descriptor we write reads like the one nerdctl writes.
const FIELD_ORDER = ['mediaType', 'digest', 'size', 'urls', 'annotations', 'data', 'platform', 'artifactType'];

/** The descriptor with its known fields in Go's order and any others after them. */
export function canonicalDescriptor(descriptor: Descriptor): Descriptor {
  const ordered: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (descriptor[key] !== undefined) ordered[key] = descriptor[key];
  for (const [key, value] of Object.entries(descriptor)) if (!(key in ordered)) ordered[key] = value;
  return ordered as Descriptor;
}

export function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}
