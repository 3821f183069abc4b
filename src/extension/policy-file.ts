import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { CoreError } from '../core/errors';
import { EDITOR_POLICY } from '../core/features/compute-findings';
import { parsePolicyText, type Policy } from '../core/policy';

/** The policy `image-trust check` reads by default; its absence is not a problem, another file's is. */
export const DEFAULT_POLICY_FILE = '.image-trust.yaml';

/** A policy is a few KiB; a larger file is refused before it is read (the CLI caps its inputs alike). */
const MAX_POLICY_BYTES = 1024 * 1024;

export interface LoadedPolicy {
  policy: Policy;
  /** The file the policy came from; absent when the defaults apply. */
  file?: string;
  /** Why the file could not be applied: shown on the file, and the defaults apply meanwhile. */
  error?: CoreError;
  /** The file that is read when it exists (watched, so creating or editing it applies at once). */
  watched?: string;
}

function readPolicy(file: string): LoadedPolicy {
  try {
    if (statSync(file).size > MAX_POLICY_BYTES)
      throw new CoreError('POLICY_TOO_LARGE', `${file} is larger than ${MAX_POLICY_BYTES} bytes`);
    return { policy: parsePolicyText(readFileSync(file, 'utf8'), file), file };
  } catch (error) {
    const coded =
      error instanceof CoreError ? error : new CoreError('POLICY_UNREADABLE', `cannot read ${file}`, { cause: error });
    return { policy: EDITOR_POLICY, file, error: coded };
  }
}

/**
 * The policy in force: `imageTrust.policy` (relative to the workspace folder), or the defaults when there is no
 * such file. In Restricted Mode a policy file inside the workspace is not read: a cloned repository must not be
 * able to lower the bar (require nothing, turn findings off); a path from the user's own settings still is.
 */
export function loadPolicy(setting: string, folder: string | undefined, trusted: boolean): LoadedPolicy {
  const inWorkspace = !isAbsolute(setting);
  if (inWorkspace && (folder === undefined || !trusted)) return { policy: EDITOR_POLICY };
  const file = inWorkspace && folder !== undefined ? join(folder, setting) : setting;
  const exists = (() => {
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  })();
  if (exists) return { ...readPolicy(file), watched: file };
  if (setting === DEFAULT_POLICY_FILE) return { policy: EDITOR_POLICY, watched: file };
  const error = new CoreError('POLICY_NOT_FOUND', `the policy file ${file} does not exist`);
  return { policy: EDITOR_POLICY, file, error, watched: file };
}

/** The cosign keys a policy names (its defaults' and every rule's), for the verification to try. */
export function policyKeys(policy: Policy): string[] {
  const rules = [policy.defaults, ...policy.rules];
  return [...new Set(rules.flatMap((rule) => rule.signatures?.keys ?? []))];
}
