import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { captureIo } from '../support/capture-io';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('the demo workspace that `npm run demo` scans', () => {
  it('shows every kind of reference, a compose build with its args, and mistakes reported in place', async () => {
    const captured = captureIo(repoRoot, {});
    expect(await runCli(['scan', '--format', 'json', 'examples/demo'], captured.io)).toBe(0);
    const { references } = JSON.parse(captured.stdout()) as {
      references: { kind: string; reference: string | null; service: string | null; error: string | null }[];
    };
    expect(new Set(references.map((r) => r.kind))).toEqual(
      new Set(['syntax', 'from', 'copy-from', 'mount-from', 'compose-image', 'compose-volume-image']),
    );
    expect(references).toContainEqual(
      expect.objectContaining({ service: 'api', reference: 'docker.io/library/node:20-alpine' }),
    );
    expect(references.filter((r) => r.error !== null).length).toBeGreaterThanOrEqual(3);
  });
});
