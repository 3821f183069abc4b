/**
 * A compose file as part of its project: its images, the Dockerfiles its services build (with Compose's build
 * args) and the files it includes or extends from.
 */
import { dirname, isAbsolute, join } from 'node:path';
import { scanCompose, type ComposeBuild, type ComposeLink } from './compose';
import { includedDotenv, resolveFrom } from './compose-env-files';
import { scanDockerfile } from './dockerfile';
import { normalizeFoundImage } from './normalize-found-image';
import { collect, readOrReport, reportOnce, type Dotenv, type ScanContext } from './scan-context';

/** Scans the files a compose file includes or extends from, each once (include cycles end there). */
async function scanLinks(context: ScanContext, from: string, links: ComposeLink[], dotenv?: Dotenv): Promise<void> {
  for (const link of links) {
    const paths = link.paths.map((path) => resolveFrom(from, path));
    const env = link.via === 'extends' ? dotenv : await includedDotenv(context, from, link, paths[0] ?? from);
    for (const [i, path] of paths.entries()) {
      if (context.linked.has(path)) continue;
      context.linked.add(path);
      if ((await context.fs.kindOf(path)) !== 'file') {
        const message = `${link.via}: no such file: ${link.paths[i]}`;
        reportOnce(context, { file: from, line: link.line, message });
        continue;
      }
      await scanComposeFile(context, path, env);
    }
  }
}

/** Compose builds images from Dockerfiles with its own args: scan those as Compose would build them. */
async function scanComposeBuild(context: ScanContext, composeFile: string, build: ComposeBuild): Promise<void> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(build.context) || build.context.startsWith('git@')) {
    reportOnce(context, {
      file: composeFile,
      line: build.range.line,
      message: `service ${build.service}: build context ${build.context} is remote; its Dockerfile is not scanned`,
    });
    return;
  }
  const options = { buildArgs: build.args, ...(build.target ? { target: build.target } : {}) };
  if (build.dockerfileInline !== undefined) {
    const result = scanDockerfile(build.dockerfileInline, options);
    collect(context, composeFile, { images: [], errors: result.errors }, build.service);
    for (const found of result.images) {
      context.references.push(
        normalizeFoundImage({ ...found, service: build.service, range: build.range }, composeFile),
      );
    }
    return;
  }
  const contextDir = isAbsolute(build.context) ? build.context : join(dirname(composeFile), build.context);
  const dockerfile = isAbsolute(build.dockerfile) ? build.dockerfile : join(contextDir, build.dockerfile);
  const text = await readOrReport(context, dockerfile);
  if (text !== null) collect(context, dockerfile, scanDockerfile(text, options), build.service);
}

export async function scanComposeFile(context: ScanContext, path: string, dotenv: Dotenv | undefined): Promise<void> {
  const text = await readOrReport(context, path);
  if (text === null) return;
  const result = scanCompose(text, { environment: context.options.environment ?? {}, ...(dotenv ? { dotenv } : {}) });
  collect(context, path, result);
  for (const build of result.builds) await scanComposeBuild(context, path, build);
  await scanLinks(context, path, result.links, dotenv);
}
