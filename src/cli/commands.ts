import type { CliIo } from './cli-io';

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run: (args: string[], io: CliIo) => Promise<number>;
}

/** Loaded lazily so that `image-trust ref` does not pay for what `scan` imports. */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  ref: async () => (await import('./ref-command')).refCommand,
  scan: async () => (await import('./scan-command')).scanCommand,
  resolve: async () => (await import('./resolve-command')).resolveCommand,
  pin: async () => (await import('./pin-command')).pinCommand,
  verify: async () => (await import('./verify-command')).verifyCommand,
  check: async () => (await import('./check-command')).checkCommand,
  ipfs: async () => (await import('./ipfs-command')).ipfsCommand,
  fetch: async () => (await import('./fetch-command')).fetchCommand,
  'trust-root': async () => (await import('./trust-root-command')).trustRootCommand,
};
