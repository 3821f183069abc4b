import { UsageError, type CliIo } from './cli-io';
import type { Command } from './commands';

type SubcommandRun = (args: string[], io: CliIo) => Promise<number>;

/** A command whose first argument names one of its sub-commands (`image-trust ipfs add`, `trust-root update`). */
export function commandGroup(group: Omit<Command, 'run'>, subcommands: Record<string, SubcommandRun>): Command {
  const names = Object.keys(subcommands);
  const listed = `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;
  return {
    ...group,
    run: async ([sub, ...rest], io) => {
      const run = sub !== undefined && Object.hasOwn(subcommands, sub) ? subcommands[sub] : undefined;
      if (run === undefined) throw new UsageError(`name a sub-command: ${listed}${sub ? `, not '${sub}'` : ''}`);
      return run(rest, io);
    },
  };
}
