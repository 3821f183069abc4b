import { gzipSync } from 'node:zlib';
import { sha256Digest, type Descriptor, type OciLayoutWriter, type Platform } from './oci-layout';
import { createTar, type TarEntry } from './tar-archive';

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const OCI_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
// Pinned so that the same recipe gives the same digests in every run (and on every machine with the same zlib).
const CREATED = '2024-01-01T00:00:00Z';

export interface ImageRecipe {
  platform: Platform;
  /** Becomes `org.opencontainers.image.version`; also makes images of the same files differ. */
  version: string;
  files: readonly TarEntry[];
}

function imageConfig(recipe: ImageRecipe, diffId: string): unknown {
  return {
    created: CREATED,
    architecture: recipe.platform.architecture,
    os: recipe.platform.os,
    ...(recipe.platform.variant === undefined ? {} : { variant: recipe.platform.variant }),
    config: {
      Env: ['APP=rig'],
      Cmd: ['/app/hello'],
      Labels: { 'org.opencontainers.image.version': recipe.version },
    },
    rootfs: { type: 'layers', diff_ids: [diffId] },
    history: [{ created: CREATED, created_by: `rig build ${recipe.version}` }],
  };
}

/** Writes one single-layer image into the layout and returns its manifest descriptor, platform included. */
export async function buildImage(layout: OciLayoutWriter, recipe: ImageRecipe): Promise<Descriptor> {
  const tar = createTar(recipe.files);
  const layer = await layout.addBlob(OCI_LAYER_GZIP, gzipSync(tar));
  const config = await layout.addJson(OCI_CONFIG, imageConfig(recipe, sha256Digest(tar)));
  const manifest = await layout.addJson(OCI_MANIFEST, {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config,
    layers: [layer],
  });
  return { ...manifest, platform: recipe.platform };
}

/** Writes an image index over `manifests` (each carrying its platform). */
export function buildIndex(layout: OciLayoutWriter, manifests: readonly Descriptor[]): Promise<Descriptor> {
  return layout.addJson(OCI_INDEX, { schemaVersion: 2, mediaType: OCI_INDEX, manifests });
}
