// `npm run demo`: the local rig (registry, notary, signatures), a workspace with every kind of reference, and
// `image-trust check` on it. No internet: the rig runs Debian's servers on 127.0.0.1.
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { runCli } from '../src/cli/run-cli';
import { startRig, type Rig } from '../test/rig/rig';
import { resignTrust } from '../test/rig/trust-resigner';
import { writeDemoWorkspace } from './demo-workspace';

const say = (text: string) => process.stderr.write(`${text}\n`);

/** The delegation that signs `multi` and `v2` is re-signed to expire in 12 days, inside the 30-day window. */
async function makeTrustExpireSoon(rig: Rig): Promise<void> {
  const trustDir = join(dirname(rig.notary.clientConfig), 'trust');
  const target = { url: rig.notary.url, caFile: rig.tls.caFile, gun: rig.notary.gun, trustDir };
  await resignTrust(target, { expiresInDays: { 'targets/releases': 12 } });
}

async function check(rig: Rig, workspace: string): Promise<number> {
  const home = join(workspace, '..', `${workspace.split('/').pop()}-home`);
  await mkdir(home, { recursive: true });
  const env = { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), DOCKER_CONFIG: join(home, 'docker') };
  const args = ['check', '.', '--ca-file', rig.tls.caFile, '--notary-server', rig.notary.url];
  say(`\n$ image-trust ${args.join(' ')}\n`);
  const io = {
    stdout: (text: string) => void process.stdout.write(text),
    stderr: (text: string) => void process.stderr.write(text),
    env,
    cwd: workspace,
    isTty: Boolean(process.stdout.isTTY),
  };
  try {
    return await runCli(args, io);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  say('Starting the local rig: docker-registry, notary-server and notary-signer on 127.0.0.1…');
  const starting = startRig();
  let workspace: string | undefined;
  const stop = async () => {
    await (await starting).stop();
    if (workspace) await rm(workspace, { recursive: true, force: true });
  };
  // Ctrl-C, even while the rig starts, stops every server the demo started before the process ends.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void stop().finally(() => process.exit(130)));
  try {
    const rig = await starting;
    if (!rig.cosign) throw new Error('the rig made no cosign signatures');
    await makeTrustExpireSoon(rig);
    workspace = await writeDemoWorkspace(rig, rig.cosign.keyFile);
    say(
      `Rig ready in ${rig.timings.totalMs} ms; demo workspace: ${workspace} (Dockerfile, compose.yaml, .image-trust.yaml)`,
    );
    const status = await check(rig, workspace);
    say(
      `\nimage-trust check exited ${status}: 0 clean, 1 findings at or above --fail-on (default error), 2 usage or policy error, 3 could not complete.`,
    );
    say(
      'Next: `image-trust check --pin` pins each unpinned reference to the digest it verified; `--format sarif` feeds code scanning.',
    );
    // Findings are what the demo is for; only a check that could not run is a failed demo.
    return status <= 1 ? 0 : status;
  } finally {
    await stop();
  }
}

process.exitCode = await main();
