import type { SourceImage } from './image-catalog';
import type { Descriptor } from './oci-layout';
import type { SignedTag } from './trust-publisher';

/**
 * The tags of `demo/app` the rig signs, from the layout's OCI descriptors (known before the push): v1 in
 * `targets`; v2, latest and multi in `targets/releases`; and v1-docker signed with v1's OCI digest, which is
 * not what the registry serves for it (skopeo converted it to Docker media types): a stale signature.
 * multi-docker is left unsigned.
 */
export function rigSignedTags(built: Record<SourceImage, Descriptor>): SignedTag[] {
  const tag = (name: string, image: SourceImage, role: SignedTag['role']): SignedTag => ({
    tag: name,
    digest: built[image].digest,
    size: built[image].size,
    role,
  });
  return [
    tag('v1', 'app-v1', 'targets'),
    tag('v1-docker', 'app-v1', 'targets'),
    tag('v2', 'app-v2', 'targets/releases'),
    tag('latest', 'app-v2', 'targets/releases'),
    tag('multi', 'app-multi', 'targets/releases'),
  ];
}
