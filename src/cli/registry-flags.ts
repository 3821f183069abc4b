import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { createNodeRegistryClient } from '../node/node-registry-client';
import type { CliIo } from './cli-io';

/** The flags every command that talks to registries takes, parsed by node:util parseArgs. */
export const REGISTRY_FLAGS = {
  'insecure-registry': { type: 'string', multiple: true },
  'ca-file': { type: 'string', multiple: true },
  'no-cache': { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

export const REGISTRY_FLAGS_USAGE = `  --insecure-registry HOST[:PORT]   allow plain HTTP to this registry (loopback always may); repeatable
  --ca-file FILE                    trust this CA for registry TLS, besides /etc/docker/certs.d; repeatable
  --no-cache                        ask the registry again instead of using cached tag → digest answers`;

export interface RegistryFlagValues {
  'insecure-registry'?: string[];
  'ca-file'?: string[];
  'no-cache'?: boolean;
}

/** The registry client a CLI run uses: the user's Docker credentials and helpers (a terminal is trusted). */
export function registryClientFor(values: RegistryFlagValues, io: CliIo) {
  return createNodeRegistryClient({
    allowCredentialHelpers: true,
    env: io.env,
    insecureRegistries: values['insecure-registry'] ?? [],
    transport: { caFiles: (values['ca-file'] ?? []).map((file) => resolve(io.cwd, file)) },
    ...(values['no-cache'] ? { diskCache: false } : {}),
  });
}
