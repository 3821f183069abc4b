import { EXIT, UsageError, type CliIo } from './cli-io';
import { COMMANDS, type Command } from './commands';
import { VERSION } from './version';

function generalHelp(commands: Command[]): string {
  const rows = commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n');
  return `image-trust ${VERSION}: container image content trust for Dockerfiles and compose files

Usage: image-trust <command> [options]

Commands:
${rows}

Run 'image-trust <command> --help' for a command's options.
`;
}

/** Dispatches argv to a command; never throws: unexpected errors become a message and a non-zero status. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
    (name === undefined ? io.stderr : io.stdout)(generalHelp(commands));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`image-trust: unknown command '${name}'. Run 'image-trust --help' for the list.\n`);
    return EXIT.usage;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`image-trust ${name}: ${error.message}\n\n${command.usage}`);
      return EXIT.usage;
    }
    io.stderr(`image-trust ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.incomplete;
  }
}
