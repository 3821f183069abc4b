import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PushedImage, RigInfo } from '../rig/rig-types';

export function pushed(rig: RigInfo, registry: PushedImage['registry'], repo: string, tag: string): PushedImage {
  const image = rig.pushed.find((one) => one.registry === registry && one.repo === repo && one.tag === tag);
  if (!image) throw new Error(`the rig pushed no ${repo}:${tag} to ${registry}`);
  return image;
}

/**
 * A workspace whose images live on the rig's plain-HTTP registry: unpinned references, a tag that does not
 * exist, a pin the tag has moved away from, and one image behind token auth (reached through a credential helper).
 */
export function writeWorkspace(dir: string, rig: RigInfo): void {
  const http = rig.registries.http.host;
  const token = rig.registries.token.host;
  const tool = pushed(rig, 'http', 'demo/tool', '1.0');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'Dockerfile'),
    [
      `FROM ${http}/demo/app:v1 AS build`,
      `COPY --from=${http}/demo/tool:1.0 /bin/tool /bin/tool`,
      `FROM ${http}/demo/missing:1`,
      `FROM ${token}/demo/app:v1`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'compose.yaml'),
    [
      'services:',
      '  web:',
      `    image: ${http}/demo/app:multi`,
      '  stale:',
      `    image: ${http}/demo/app:v2@${tool.digest}`,
      '',
    ].join('\n'),
  );
}

/**
 * A Docker config naming a credential helper for the token registry, and the helper: it answers alice's
 * credentials and leaves a mark, so a test can tell whether it was run.
 */
export function writeCredentialHelper(dir: string, rig: RigInfo): { dockerConfig: string; bin: string; mark: string } {
  const bin = join(dir, 'bin');
  const dockerConfig = join(dir, 'docker');
  const mark = join(dir, 'helper-ran');
  mkdirSync(bin, { recursive: true });
  mkdirSync(dockerConfig, { recursive: true });
  writeFileSync(
    join(dockerConfig, 'config.json'),
    JSON.stringify({ credHelpers: { [rig.registries.token.host]: 'e2e' } }),
  );
  const helper = join(bin, 'docker-credential-e2e');
  writeFileSync(
    helper,
    `#!/bin/sh\ntouch '${mark}'\ncat >/dev/null\necho '{"ServerURL":"","Username":"alice","Secret":"secret123"}'\n`,
  );
  chmodSync(helper, 0o755);
  return { dockerConfig, bin, mark };
}
