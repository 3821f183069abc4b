import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { DEFAULTS } from '../core/registry/defaults';
import { createNodeRegistryClient } from '../node/node-registry-client';
import { UsageError, type CliIo } from './cli-io';

/** The flags every command that talks to registries takes, parsed by node:util parseArgs. */
export const REGISTRY_FLAGS = {
  'insecure-registry': { type: 'string', multiple: true },
  'ca-file': { type: 'string', multiple: true },
  'no-cache': { type: 'boolean' },
  timeout: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export const REGISTRY_FLAGS_USAGE = `  --insecure-registry HOST[:PORT]   allow plain HTTP to this registry (loopback always may); repeatable
  --ca-file FILE                    trust this CA for registry TLS, besides /etc/docker/certs.d; repeatable
  --no-cache                        ask the registry again instead of using cached tag → digest answers
  --timeout SECONDS                 give up on a registry request after this long (default: ${DEFAULTS.requestTimeoutMs / 1000})`;

export interface RegistryFlagValues {
  'insecure-registry'?: string[];
  'ca-file'?: string[];
  'no-cache'?: boolean;
  timeout?: string;
}

/** The request timeout in ms; the connect timeout never exceeds it. */
function parseTimeout(value: string | undefined): { connectTimeoutMs: number; requestTimeoutMs: number } | undefined {
  if (value === undefined) return undefined;
  const seconds = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(seconds > 0))
    throw new UsageError(`--timeout takes a positive number of seconds, not ${JSON.stringify(value)}`);
  const requestTimeoutMs = Math.ceil(seconds * 1000);
  return { requestTimeoutMs, connectTimeoutMs: Math.min(requestTimeoutMs, DEFAULTS.connectTimeoutMs) };
}

/** The registry client a CLI run uses: the user's Docker credentials and helpers (a terminal is trusted). */
export function registryClientFor(values: RegistryFlagValues, io: CliIo) {
  return createNodeRegistryClient({
    allowCredentialHelpers: true,
    env: io.env,
    insecureRegistries: values['insecure-registry'] ?? [],
    transport: {
      caFiles: (values['ca-file'] ?? []).map((file) => resolve(io.cwd, file)),
      ...parseTimeout(values.timeout),
    },
    ...(values['no-cache'] ? { diskCache: false } : {}),
  });
}
