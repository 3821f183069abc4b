import { DEFAULTS } from './defaults';
import { parseErrorCodes } from './error-body';
import type { TransportResponse } from './ports';
import { displayUrl, RegistryError } from './registry-error';
import type { RegistrySession } from './registry-session';

/** Turns a manifest response other than 200 into its coded error. */
export async function checkManifestStatus(
  session: RegistrySession,
  repository: string,
  response: TransportResponse,
  signal?: AbortSignal,
): Promise<void> {
  if (response.status === 200) return;
  const details = { registry: session.registry, url: displayUrl(response.url), status: response.status };
  if (response.status === 404) {
    const unknownName =
      parseErrorCodes(response.body).includes('NAME_UNKNOWN') ||
      (await isUnknownRepository(session, repository, signal));
    const missing = unknownName ? 'repository' : 'manifest';
    const what = unknownName ? `no repository ${repository}` : `no such tag or manifest in ${repository}`;
    throw new RegistryError('REGISTRY_NOT_FOUND', `${session.registry} has ${what}.`, { ...details, missing });
  }
  if (response.status >= 500) {
    const message = `${session.registry} is failing (HTTP ${response.status}) after retries: try again later.`;
    throw new RegistryError('REGISTRY_UNAVAILABLE', message, details);
  }
  const message = `${session.registry} answered HTTP ${response.status} for a manifest.`;
  throw new RegistryError('REGISTRY_UNEXPECTED_STATUS', message, details);
}

/**
 * distribution 2.8 answers MANIFEST_UNKNOWN for a manifest of an unknown repository too; only its tags list says
 * NAME_UNKNOWN. The probe only refines the not-found error: when it fails, the error stays "manifest".
 */
async function isUnknownRepository(session: RegistrySession, repository: string, signal?: AbortSignal) {
  try {
    const response = await session.send({
      method: 'GET',
      path: `/v2/${repository}/tags/list?n=1`,
      headers: {},
      maxBytes: DEFAULTS.maxSmallResponseBytes,
      scope: `repository:${repository}:pull`,
      ...(signal === undefined ? {} : { signal }),
    });
    return response.status === 404 && parseErrorCodes(response.body).includes('NAME_UNKNOWN');
  } catch (error) {
    if (error instanceof RegistryError) return false;
    throw error;
  }
}
