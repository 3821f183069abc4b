import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RigError } from './rig-error';
import { runCommand } from './run-command';

/** How skopeo reaches a destination registry. */
export interface SkopeoDestination {
  /** `docker://127.0.0.1:PORT/repo:tag` */
  reference: string;
  /** Plain HTTP: 127.0.0.1 is not treated as insecure by skopeo, so TLS verification must be turned off. */
  plainHttp: boolean;
  certDir?: string;
  credentials?: { username: string; password: string };
}

export interface SkopeoCopy {
  /** `oci:DIR:name` or `dir:DIR` */
  source: string;
  destination: SkopeoDestination;
  /** Copy a whole index; without it skopeo flattens an index to the host platform. */
  all: boolean;
  /** Our own policy and auth file, so nothing depends on /etc/containers or the user's credentials. */
  policyFile: string;
  authFile: string;
  digestFile: string;
}

function destinationFlags(destination: SkopeoDestination): string[] {
  const flags = destination.plainHttp ? ['--dest-tls-verify=false'] : ['--dest-tls-verify=true'];
  if (destination.certDir !== undefined) flags.push('--dest-cert-dir', destination.certDir);
  const creds = destination.credentials;
  if (creds !== undefined) flags.push('--dest-creds', `${creds.username}:${creds.password}`);
  return flags;
}

/** `skopeo copy`, returning the digest skopeo reports for what it pushed. */
export async function skopeoCopy(copy: SkopeoCopy): Promise<string> {
  const args = [
    ...['--policy', copy.policyFile, 'copy', '--quiet', '--authfile', copy.authFile],
    ...['--digestfile', copy.digestFile, ...(copy.all ? ['--all'] : [])],
    ...destinationFlags(copy.destination),
    copy.source,
    copy.destination.reference,
  ];
  try {
    await runCommand('skopeo', args);
  } catch (error) {
    throw new RigError('RIG_PUSH_FAILED', `pushing ${copy.source} to ${copy.destination.reference} failed`, {
      cause: error,
    });
  }
  return (await readFile(copy.digestFile, 'utf8')).trim();
}

/** Converts an OCI layout image to Docker media types in a `dir:` copy (local, no registry involved). */
export async function skopeoToDockerDir(source: string, dir: string, all: boolean, policyFile: string): Promise<void> {
  await runCommand('skopeo', [
    ...['--policy', policyFile, 'copy', '--quiet', '--format', 'v2s2', ...(all ? ['--all'] : [])],
    ...[source, `dir:${dir}`],
  ]);
}

/** Our own policy and an empty auth file: skopeo must not depend on /etc/containers or the user's credentials. */
export async function writeSkopeoIsolation(dir: string): Promise<{ policyFile: string; authFile: string }> {
  const policyFile = join(dir, 'policy.json');
  const authFile = join(dir, 'auth.json');
  await writeFile(policyFile, JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }] }));
  await writeFile(authFile, JSON.stringify({ auths: {} }));
  return { policyFile, authFile };
}
