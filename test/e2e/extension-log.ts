import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The extension's own log (its LogOutputChannel, as VS Code writes it under the user-data dir). */
export function extensionLog(serverHome: string): string {
  const logs = join(serverHome, 'user-data/logs');
  const files = readdirSync(logs, { recursive: true, encoding: 'utf8' }).filter((path) =>
    path.endsWith('Image Trust.log'),
  );
  return files.map((path) => readFileSync(join(logs, path), 'utf8')).join('');
}
