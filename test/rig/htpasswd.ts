import { writeFile } from 'node:fs/promises';
import { runCommand } from './run-command';
import { RIG_USERS } from './rig-users';

/**
 * Writes an htpasswd file for the rig's users. The registry accepts bcrypt only and pays its cost on every
 * request, so the minimum cost 4 rather than the default; `-n` adds blank lines, which are dropped.
 */
export async function writeHtpasswd(file: string): Promise<void> {
  const lines = await Promise.all(
    RIG_USERS.map(async (user) => {
      const { stdout } = await runCommand('htpasswd', ['-Bbn', '-C', '4', user.username, user.password]);
      return stdout.trim();
    }),
  );
  await writeFile(file, `${lines.join('\n')}\n`, { mode: 0o600 });
}
