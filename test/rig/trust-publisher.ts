import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RigError } from './rig-error';
import { runCommand } from './run-command';

/** A tag the rig signed: its target's hash and length are the registry's manifest digest and size. */
export interface SignedTag {
  tag: string;
  digest: string;
  size: number;
  role: 'targets' | 'targets/releases';
}

/** What a test needs to read or change the rig's trust data with the real notary CLI. */
export interface NotaryInfo {
  /** notary-server's `https://127.0.0.1:PORT`. */
  url: string;
  /** The GUN: the normalized repository name, `127.0.0.1:PORT/demo/app`. */
  gun: string;
  /** `notary -c FILE`: trust dir, server URL and CA. */
  clientConfig: string;
  /** The passphrases the CLI reads (NOTARY_*_PASSPHRASE). */
  env: Record<string, string>;
  signed: SignedTag[];
}

export const NOTARY_PASSPHRASES = {
  NOTARY_ROOT_PASSPHRASE: 'rig-root-pass',
  NOTARY_TARGETS_PASSPHRASE: 'rig-targets-pass',
  NOTARY_SNAPSHOT_PASSPHRASE: 'rig-snapshot-pass',
  NOTARY_DELEGATION_PASSPHRASE: 'rig-delegation-pass',
};

/**
 * Runs the notary CLI with the rig's config and passphrases (never through a shell). `input` answers its
 * prompts (root rotation asks for "yes"); stdin is always closed, so a prompt fails instead of hanging.
 */
export function runNotary(
  info: Pick<NotaryInfo, 'clientConfig' | 'env'>,
  args: readonly string[],
  input = '',
): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...info.env };
    const child = execFile(
      'notary',
      ['-c', info.clientConfig, ...args],
      { env, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error)
          reject(
            new RigError('RIG_COMMAND_FAILED', `notary ${args.join(' ')} failed: ${stderr.trim() || error.message}`),
          );
        else resolve(stdout);
      },
    );
    // notary may exit without reading its stdin; the write must not fail the test run (EPIPE).
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

/** A delegation key and certificate, as `docker trust signer add` would be given. */
export async function createDelegationKey(dir: string, name: string): Promise<{ key: string; cert: string }> {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.crt`);
  await runCommand('openssl', [
    ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-noenc', '-sha256'],
    ...['-keyout', key, '-out', cert, '-subj', `/CN=${name}`, '-days', '3650'],
  ]);
  return { key, cert };
}

export async function writeNotaryClientConfig(dir: string, url: string, caFile: string): Promise<string> {
  const trustDir = join(dir, 'trust');
  await mkdir(trustDir, { recursive: true });
  const file = join(dir, 'notary-client.json');
  const config = {
    trust_dir: trustDir,
    remote_server: { url, root_ca: caFile },
    trust_pinning: { disable_tofu: false },
  };
  await writeFile(file, JSON.stringify(config));
  return file;
}

/**
 * Publishes trust data for `gun` in one notary session: init, the `targets` tags, the `targets/releases`
 * delegation with its key and tags, then a single publish (notary applies the staged changes in order).
 */
export async function publishTrust(
  dir: string,
  url: string,
  caFile: string,
  gun: string,
  tags: SignedTag[],
): Promise<NotaryInfo> {
  const info: NotaryInfo = {
    url,
    gun,
    clientConfig: await writeNotaryClientConfig(dir, url, caFile),
    env: NOTARY_PASSPHRASES,
    signed: tags,
  };
  const releases = await createDelegationKey(dir, 'releases');
  await runNotary(info, ['init', gun]);
  await runNotary(info, ['key', 'import', releases.key, '--role', 'targets/releases']);
  await runNotary(info, ['delegation', 'add', gun, 'targets/releases', releases.cert, '--all-paths']);
  for (const t of tags) {
    const roles = t.role === 'targets' ? [] : ['--roles', t.role];
    await runNotary(info, [
      'addhash',
      gun,
      t.tag,
      String(t.size),
      '--sha256',
      t.digest.replace('sha256:', ''),
      ...roles,
    ]);
  }
  await runNotary(info, ['publish', gun]);
  return info;
}
