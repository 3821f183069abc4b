// Starts real VS Code (code-server, installed by scripts/e2e-setup.sh) with this repo's built extension installed
// and a workspace open; see ../shared/VSCODE-E2E.md. Used by `npm run e2e:serve`, the e2e tests and screenshots.
/* global fetch, setTimeout */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const READY_TIMEOUT_MS = 60_000;

/** Runs the idempotent setup and returns the code-server directory and the Node 24 binary it runs on. */
export function ensureCodeServer() {
  const out = execFileSync('bash', [join(repo, 'scripts/e2e-setup.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const server = out.trim().split('\n').at(-1);
  const node = join(
    execFileSync('bash', [join(repo, 'scripts/ensure-node.sh'), '24'], { encoding: 'utf8' }).trim(),
    'node',
  );
  return { server, node };
}

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

async function waitReady(url, child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    const ok = await fetch(new URL('/healthz', url)).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`code-server was not ready within ${READY_TIMEOUT_MS} ms`);
}

/**
 * Starts code-server on 127.0.0.1 with a fresh user-data and extensions dir. `restricted: true` leaves
 * workspace trust on, so the folder opens in Restricted Mode; otherwise trust is off (everything trusted).
 * Resolves to { url, stop() } once it answers; `url` opens the workspace folder.
 */
export async function startCodeServer({
  workspace,
  restricted = false,
  settings = {},
  env = {},
  path = [],
  log = 'ignore',
}) {
  const { server, node } = ensureCodeServer();
  const home = mkdtempSync(join(tmpdir(), 'image-trust-e2e-'));
  const userData = join(home, 'user-data');
  const extensions = join(home, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  const { publisher, name, version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  // --extensionDevelopmentPath is not accepted by code-server: the repo is linked in as an installed extension.
  symlinkSync(repo, join(extensions, `${publisher}.${name}-${version}`));
  const userSettings = {
    'security.workspace.trust.enabled': restricted,
    // Without a prompt an untrusted folder opens in Restricted Mode.
    'security.workspace.trust.startupPrompt': 'never',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'telemetry.telemetryLevel': 'off',
    // Nothing that reaches out to the internet (there is none here) or takes the screen.
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.enableExperiments': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    ...settings,
  };
  writeFileSync(join(userData, 'User/settings.json'), JSON.stringify(userSettings, null, 2));
  // The extension host gets its environment from a login shell, whose /etc/profile resets PATH for root: extra
  // PATH entries (a test's credential helper) go through the server's own ~/.profile as well.
  if (path.length > 0) writeFileSync(join(home, '.profile'), `PATH="${path.join(':')}:$PATH"\n`);
  const port = await freePort();
  const args = [
    join(server, 'out/node/entry.js'),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensions,
    '--disable-telemetry',
    '--disable-update-check',
    resolve(workspace),
  ];
  const child = spawn(node, args, {
    stdio: ['ignore', log, log],
    env: { ...process.env, HOME: home, ...env, PATH: [...path, process.env.PATH].join(':') },
    detached: true,
  });
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(resolve(workspace))}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    }
    rmSync(home, { recursive: true, force: true });
  };
  try {
    await waitReady(url, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, home, stop };
}
