import { parseNormalizedNamed, withDefaultTag } from '../reference';
import type { FoundImage } from './found-image';
import type { ImageRef } from './image-ref';

/** Places a scanner's finding in its file and normalizes its expanded text as `docker` would. */
export function normalizeFoundImage(found: FoundImage, file: string): ImageRef {
  if (found.expanded === null) return { ...found, file, reference: null };
  if (found.expanded === '') {
    return { ...found, file, reference: null, error: found.error ?? 'the image reference is empty after expansion' };
  }
  const parsed = parseNormalizedNamed(found.expanded);
  if (!parsed.ok) return { ...found, file, reference: null, error: parsed.error.message };
  return { ...found, file, reference: withDefaultTag(parsed.value) };
}
