// `npm run e2e:serve -- WORKSPACE_DIR [--restricted]`: real VS Code with the built extension on 127.0.0.1; prints
// one line `E2E_URL=...` when ready and runs until killed (for manual checks or your own Playwright script).
import { startCodeServer } from './e2e-code-server.mjs';

const args = process.argv.slice(2);
const workspace = args.find((arg) => !arg.startsWith('--'));
if (!workspace) {
  console.error('usage: npm run e2e:serve -- WORKSPACE_DIR [--restricted]');
  process.exit(2);
}
const server = await startCodeServer({ workspace, restricted: args.includes('--restricted'), log: 'inherit' });
console.log(`E2E_URL=${server.url}`);
const stop = () => void server.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
