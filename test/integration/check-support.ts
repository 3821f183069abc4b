import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import type { RigInfo } from '../rig/rig-types';
import { captureIo } from '../support/capture-io';
import { resolveHome } from './registry-resolve-cli';

export interface CheckJson {
  references: number;
  summary: Record<string, number>;
  findings: {
    file: string;
    line: number;
    code: string;
    severity: string;
    text: string;
    suppressed: { kind: string; reason: string } | null;
  }[];
  evidence: {
    reference: string;
    digest: string;
    cosign: { verified: boolean } | null;
    dct: { signed: boolean } | null;
  }[];
  incomplete: { code: string }[];
  pinned: { file: string; newText: string }[];
}

export interface CheckRunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** A throw-away workspace (HOME and cache inside it) to run `image-trust check` in, in-process. */
export async function checkWorkspace(rig: RigInfo, files: Record<string, string>) {
  // The same throw-away HOME as the resolve tests (docker config and cache inside it), holding the workspace too.
  const tree = await resolveHome(rig, files);
  const env = tree.env;
  const check = async (...args: string[]): Promise<CheckRunResult> => {
    const captured = captureIo(tree.root, env);
    const status = await runCli(['check', '--ca-file', rig.tls.caFile, '--no-cache', ...args], captured.io);
    return { status, stdout: captured.stdout(), stderr: captured.stderr() };
  };
  const json = async (...args: string[]) => {
    const run = await check('--format', 'json', ...args);
    return { ...run, report: JSON.parse(run.stdout) as CheckJson };
  };
  const read = (path: string) => readFile(join(tree.root, path), 'utf8');
  return { root: tree.root, check, json, read, remove: tree.remove };
}

/** The image the rig pushed to its plain-HTTP registry. */
export function rigImage(rig: RigInfo, tag: string, repo = 'demo/app') {
  const image = rig.pushed.find((p) => p.registry === 'http' && p.repo === repo && p.tag === tag);
  if (!image) throw new Error(`the rig pushed no ${repo}:${tag} to http`);
  return image;
}

/** Opens one workspace per test and removes it after the test; throws when the rig made no cosign signatures. */
export function checkWorkspaces(rig: RigInfo) {
  let current: Awaited<ReturnType<typeof checkWorkspace>> | undefined;
  afterEach(() => current?.remove());
  const cosign = rig.cosign;
  if (cosign === undefined) throw new Error('the shared rig made no cosign signatures');
  const open = async (files: Record<string, string>) => (current = await checkWorkspace(rig, files));
  return { open, cosign, http: rig.registries.http.host };
}
