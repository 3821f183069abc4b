import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { captureIo } from '../support/capture-io';

const DIGEST = `sha256:${'e'.repeat(64)}`;

async function ref(...args: string[]) {
  const captured = captureIo('/');
  const status = await runCli(['ref', ...args], captured.io);
  return { status, stdout: captured.stdout(), stderr: captured.stderr() };
}

async function refJson(...args: string[]) {
  const { status, stdout } = await ref('--format', 'json', ...args);
  return { status, rows: JSON.parse(stdout) as Record<string, string | null>[] };
}

describe('image-trust ref', () => {
  describe('with --format json', () => {
    it('prints the normalized parts of a familiar name, with the default tag', async () => {
      const { status, rows } = await refJson('ubuntu');
      expect(status).toBe(0);
      expect(rows).toEqual([
        {
          input: 'ubuntu',
          name: 'docker.io/library/ubuntu',
          domain: 'docker.io',
          path: 'library/ubuntu',
          tag: 'latest',
          digest: null,
          familiar: 'ubuntu',
          reference: 'docker.io/library/ubuntu:latest',
          error: null,
        },
      ]);
    });

    it('adds no tag to a digest reference and keeps a tag written beside a digest', async () => {
      const { rows } = await refJson(`ghcr.io/org/app@${DIGEST}`, `localhost:5000/app:1@${DIGEST}`);
      expect(rows[0]).toMatchObject({ tag: null, digest: DIGEST, reference: `ghcr.io/org/app@${DIGEST}` });
      expect(rows[1]).toMatchObject({ domain: 'localhost:5000', tag: '1', familiar: `localhost:5000/app:1@${DIGEST}` });
    });

    it('reports an invalid reference with its error, nulls elsewhere, and exits 1', async () => {
      const { status, rows } = await refJson('nginx', 'Ubuntu');
      expect(status).toBe(1);
      expect(rows[0]?.error).toBeNull();
      expect(rows[1]).toMatchObject({ input: 'Ubuntu', name: null, tag: null, reference: null });
      expect(rows[1]?.error).toMatch(/^invalid reference format/);
    });
  });

  describe('with text output', () => {
    it('prints one block per reference and marks the default tag', async () => {
      const { status, stdout } = await ref('redis', 'quay.io/a/b:2');
      expect(status).toBe(0);
      expect(stdout).toContain('reference  docker.io/library/redis:latest');
      expect(stdout).toContain('tag        latest (default)');
      expect(stdout).toContain('tag        2\n');
    });

    it('says why a reference is invalid and exits 1', async () => {
      const { status, stdout } = await ref('aa/asdf$$^/aa');
      expect(status).toBe(1);
      expect(stdout).toContain('invalid    invalid reference format: unexpected character "$"');
    });

    it('takes references starting with "-" after --', async () => {
      expect((await ref('--', '-docker')).status).toBe(1);
    });
  });

  describe('on a usage error', () => {
    it.each([[[]], [['--frobnicate', 'x']], [['--format', 'yaml', 'x']]])('%j exits 2 with the usage', async (args) => {
      const { status, stderr } = await ref(...args);
      expect(status).toBe(2);
      expect(stderr).toContain('Usage: image-trust ref');
    });
  });

  it('prints its usage, with the exit statuses, for --help', async () => {
    const { status, stdout } = await ref('--help');
    expect(status).toBe(0);
    expect(stdout).toContain('1 when any is invalid');
  });
});
