import { buildImage, buildIndex, type ImageRecipe } from './image-builder';
import { OciLayoutWriter, type Descriptor } from './oci-layout';

/** Names of the images in the rig's layout (`oci:DIR:name`). */
export type SourceImage = 'app-v1' | 'app-v1-arm64' | 'app-v1-armv7' | 'app-v2' | 'app-multi' | 'tool';

const AMD64 = { architecture: 'amd64', os: 'linux' };
const ARM64 = { architecture: 'arm64', os: 'linux', variant: 'v8' };
const ARMV7 = { architecture: 'arm', os: 'linux', variant: 'v7' };

function appFiles(text: string) {
  return [
    { path: 'app/' },
    { path: 'app/hello.txt', content: `${text}\n` },
    { path: 'etc/' },
    { path: 'etc/passwd', content: 'demo:x:1000:1000::/app:/bin/false\n' },
  ];
}

const RECIPES: Record<Exclude<SourceImage, 'app-multi'>, ImageRecipe> = {
  'app-v1': { platform: AMD64, version: '1.0.0', files: appFiles('hello from rig v1') },
  'app-v1-arm64': { platform: ARM64, version: '1.0.0', files: appFiles('hello from rig v1 (arm64)') },
  'app-v1-armv7': { platform: ARMV7, version: '1.0.0', files: appFiles('hello from rig v1 (armv7)') },
  'app-v2': { platform: AMD64, version: '2.0.0', files: appFiles('hello from rig v2') },
  tool: { platform: AMD64, version: '0.1.0', files: [{ path: 'tool/' }, { path: 'tool/run.sh', content: 'true\n' }] },
};

/**
 * Writes the rig's OCI layout by hand (no umoci needed; a few ms): five single-platform images and `app-multi`,
 * an index of app-v1 for linux/amd64 and linux/arm64/v8 (linux/arm/v7 is left out: a platform an index lacks).
 * Returns each name's descriptor.
 */
export async function buildImageLayout(dir: string): Promise<Record<SourceImage, Descriptor>> {
  const layout = new OciLayoutWriter(dir);
  await layout.init();
  const [v1, arm64, armv7, v2, tool] = await Promise.all([
    buildImage(layout, RECIPES['app-v1']),
    buildImage(layout, RECIPES['app-v1-arm64']),
    buildImage(layout, RECIPES['app-v1-armv7']),
    buildImage(layout, RECIPES['app-v2']),
    buildImage(layout, RECIPES.tool),
  ]);
  const multi = await buildIndex(layout, [v1, arm64]);
  const built = { 'app-v1': v1, 'app-v1-arm64': arm64, 'app-v1-armv7': armv7, 'app-v2': v2, 'app-multi': multi, tool };
  for (const [name, descriptor] of Object.entries(built)) layout.tag(name, descriptor);
  await layout.writeIndex();
  return built;
}
