import type { SourceImage } from './image-catalog';
import type { RegistryKind } from './registry-config';

/** One tag to push to every registry. `docker` converts to Docker media types (skopeo `--format v2s2`). */
export interface PushPlanEntry {
  repo: string;
  tag: string;
  source: SourceImage;
  format: 'oci' | 'docker';
  /** Where to push; all four registries when absent. */
  registries?: readonly RegistryKind[];
}

// The TLS and htpasswd registries mostly test transport and auth: a few tags keep the rig start short.
const FEW: readonly RegistryKind[] = ['http', 'token'];

/**
 * The default images: OCI and Docker media types, single- and multi-platform, two tags on one manifest
 * (`v2`, `latest`), two repositories. Everything goes to `http` and `token` (`v1-armv7`, linux/arm/v7, to `http`
 * only); `v1`, `multi` and `multi-docker` go to all four.
 */
export const DEFAULT_PUSH_PLAN: readonly PushPlanEntry[] = [
  { repo: 'demo/app', tag: 'v1', source: 'app-v1', format: 'oci' },
  { repo: 'demo/app', tag: 'v2', source: 'app-v2', format: 'oci', registries: FEW },
  { repo: 'demo/app', tag: 'latest', source: 'app-v2', format: 'oci', registries: FEW },
  { repo: 'demo/app', tag: 'multi', source: 'app-multi', format: 'oci' },
  { repo: 'demo/app', tag: 'v1-docker', source: 'app-v1', format: 'docker', registries: FEW },
  { repo: 'demo/app', tag: 'multi-docker', source: 'app-multi', format: 'docker' },
  { repo: 'demo/tool', tag: '1.0', source: 'tool', format: 'oci', registries: FEW },
  // A platform `multi` lacks, for pins that must keep their platform; one registry is enough.
  { repo: 'demo/app', tag: 'v1-armv7', source: 'app-v1-armv7', format: 'oci', registries: ['http'] },
];
