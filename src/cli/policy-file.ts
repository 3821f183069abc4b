import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_POLICY, PolicyError, parsePolicyText, type Policy } from '../core/policy';
import { parseCosignKey, type CosignKey } from '../core/trust/sigstore';
import { nodeFileSystem } from '../node/node-file-system';
import { UsageError } from './cli-io';
import { displayPath } from './display-path';

export const POLICY_FILE_NAME = '.image-trust.yaml';

export interface LoadedPolicy {
  policy: Policy;
  /** Every key the policy names (PEM text or a path), parsed. */
  keys: Map<string, CosignKey>;
}

async function findPolicyFile(flag: string | undefined, roots: readonly string[], cwd: string) {
  if (flag !== undefined) {
    const path = resolve(cwd, flag);
    if ((await nodeFileSystem.kindOf(path)) !== 'file') throw new UsageError(`--policy: no such file: ${flag}`);
    return path;
  }
  const root = roots[0] ?? cwd;
  const dir = (await nodeFileSystem.kindOf(root)) === 'directory' ? root : dirname(root);
  const path = join(dir, POLICY_FILE_NAME);
  return (await nodeFileSystem.kindOf(path)) === 'file' ? path : undefined;
}

async function readKey(entry: string, policyDir: string, source: string): Promise<CosignKey> {
  const inline = entry.trimStart().startsWith('-----BEGIN');
  try {
    const pem = inline ? entry : await readFile(resolve(policyDir, entry), 'utf8');
    return parseCosignKey(pem, inline ? 'inline key' : entry);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new PolicyError(
      'POLICY_INVALID_VALUE',
      `key ${inline ? '(PEM)' : entry} cannot be used: ${why}`,
      source,
      undefined,
      {
        cause: error,
      },
    );
  }
}

/**
 * The policy of a check: `--policy FILE`, else `.image-trust.yaml` in the first path checked, else the defaults.
 * A file that is there but wrong is an error (exit 2), never a silent fallback to the defaults.
 */
export async function loadPolicy(
  flag: string | undefined,
  roots: readonly string[],
  cwd: string,
): Promise<LoadedPolicy> {
  const path = await findPolicyFile(flag, roots, cwd);
  if (path === undefined) return { policy: DEFAULT_POLICY, keys: new Map() };
  const source = displayPath(path, cwd);
  const policy = parsePolicyText(await readFile(path, 'utf8'), source);
  const entries = [policy.defaults.signatures.keys, ...policy.rules.map((rule) => rule.signatures?.keys ?? [])].flat();
  const keys = new Map<string, CosignKey>();
  for (const entry of new Set(entries)) keys.set(entry, await readKey(entry, dirname(path), source));
  return { policy, keys };
}
