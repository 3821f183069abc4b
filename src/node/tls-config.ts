import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';

export interface TlsConfigOptions {
  /** Docker's per-host directories: `<dir>/<host[:port]>/*.crt` are CAs, `*.cert` + `*.key` a client cert. */
  certsDirs: readonly string[];
  /** Extra CA files trusted for every host. */
  caFiles: readonly string[];
}

/** Where docker (rootful and rootless) and podman look for per-registry certificates. */
export function defaultCertsDirs(home: string): string[] {
  return [
    '/etc/docker/certs.d',
    join(home, '.config', 'docker', 'certs.d'),
    '/etc/containers/certs.d',
    join(home, '.config', 'containers', 'certs.d'),
  ];
}

export interface HostTls {
  /** The system roots plus the host's own CAs; absent when it has none, so Node's shared root store serves. */
  ca?: string[];
  cert?: string;
  key?: string;
}

/** The TLS settings for one host, the Docker way: custom CAs are added to the system roots, not replacing them. */
export async function loadHostTls(hostPort: string, options: TlsConfigOptions): Promise<HostTls> {
  const extra = await Promise.all(options.caFiles.map((f) => readFile(f, 'utf8')));
  let client: { cert: string; key: string } | undefined;
  for (const dir of options.certsDirs) {
    const hostDir = join(dir, hostPort);
    const names = await listDir(hostDir);
    for (const name of names.filter((n) => n.endsWith('.crt')).sort())
      extra.push(await readFile(join(hostDir, name), 'utf8'));
    const certName = names.find((n) => n.endsWith('.cert') && names.includes(`${n.slice(0, -5)}.key`));
    if (client === undefined && certName !== undefined) {
      const cert = await readFile(join(hostDir, certName), 'utf8');
      client = { cert, key: await readFile(join(hostDir, `${certName.slice(0, -5)}.key`), 'utf8') };
    }
  }
  return { ...(extra.length === 0 ? {} : { ca: [...rootCertificates, ...extra] }), ...client };
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
