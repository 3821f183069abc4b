import { UsageError } from './cli-io';

/**
 * `--build-arg K=V` as docker build reads it; a bare `--build-arg K` takes K from the environment, and is left out
 * when the environment has no K (as docker does).
 */
export function parseBuildArgs(values: string[], env: Record<string, string | undefined>): Record<string, string> {
  const args: Record<string, string> = {};
  for (const value of values) {
    const equals = value.indexOf('=');
    const name = equals === -1 ? value : value.slice(0, equals);
    if (name === '') throw new UsageError(`--build-arg needs a name: '${value}'`);
    const fromEnv = env[name];
    if (equals !== -1) args[name] = value.slice(equals + 1);
    else if (fromEnv !== undefined) args[name] = fromEnv;
  }
  return args;
}
