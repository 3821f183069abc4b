import { runCli } from '../../src/cli/run-cli';
import type { VerifyRow } from '../../src/cli/verify-command';
import type { RigInfo } from '../rig/rig-types';
import { captureIo } from '../support/capture-io';

/** Runs `image-trust verify --format json` in-process against the rig, with its notary and a temp HOME. */
export async function verifyJson(rig: RigInfo, home: string, args: string[]) {
  const env = { HOME: home, XDG_CACHE_HOME: `${home}/cache`, DOCKER_CONTENT_TRUST_SERVER: rig.notary.url };
  const captured = captureIo(home, env);
  const status = await runCli(['verify', '--format', 'json', '--ca-file', rig.tls.caFile, ...args], captured.io);
  const text = captured.stdout();
  return { status, rows: (text === '' ? [] : JSON.parse(text)) as VerifyRow[], stderr: captured.stderr() };
}

/** The rig's private Sigstore signatures; they are part of the default plan. */
export function sigstoreOf(rig: RigInfo) {
  const sigstore = rig.sigstore;
  if (sigstore === undefined) throw new Error('the shared rig made no Sigstore signatures');
  const identityFlags = ['--certificate-identity', sigstore.identity, '--certificate-oidc-issuer', sigstore.issuer];
  return { ...sigstore, identityFlags, rootFlags: ['--trusted-root', sigstore.trustedRootFile] };
}
