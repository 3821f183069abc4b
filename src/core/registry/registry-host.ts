/** Docker Hub's reference domain, its API host, and the key `docker login` stores its credential under. */
export const DOCKER_HUB = {
  domain: 'docker.io',
  apiHost: 'registry-1.docker.io',
  credentialKey: 'https://index.docker.io/v1/',
} as const;

const HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

export function isDockerHub(domain: string): boolean {
  return HUB_ALIASES.has(domain.toLowerCase());
}

/** The host[:port] that serves the API for a reference's domain. */
export function apiHost(domain: string): string {
  return isDockerHub(domain) ? DOCKER_HUB.apiHost : domain.toLowerCase();
}

/** localhost, 127.0.0.0/8 and ::1, with or without a port. */
export function isLoopback(hostPort: string): boolean {
  const host = hostnameOf(hostPort);
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Plain HTTP (and so credentials over it) only to loopback or a registry the user marked insecure. */
export function plainHttpAllowed(hostPort: string, insecureRegistries: readonly string[]): boolean {
  const host = hostPort.toLowerCase();
  return isLoopback(host) || insecureRegistries.some((r) => r.toLowerCase() === host);
}

function hostnameOf(hostPort: string): string {
  const lower = hostPort.toLowerCase();
  if (lower.startsWith('[')) return lower.slice(1, lower.indexOf(']'));
  return lower.replace(/:\d+$/, '');
}
