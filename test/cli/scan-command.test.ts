import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { captureIo } from '../support/capture-io';
import { useTempTrees } from '../support/temp-dir';

interface JsonReference {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  kind: string;
  text: string;
  expanded: string | null;
  reference: string | null;
  stage: string | null;
  platform: string | null;
  service: string | null;
  error: string | null;
}

/** Ten levels of nine aliases each: billions of strings if a YAML reader expands them all. */
function billionLaughs(): string {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 10; level++) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  // The bomb sits where the scanner must look (a service's volumes), so a reader that expands aliases would hang.
  return `${levels.join('\n')}\nservices:\n  web:\n    image: nginx\n    volumes: *j\n`;
}

describe('image-trust scan', () => {
  const makeTempTree = useTempTrees();

  async function scanJson(files: Record<string, string>, args: string[] = [], env = {}) {
    const tree = await makeTempTree(files);
    const captured = captureIo(tree.root, env);
    const status = await runCli(['scan', '--format', 'json', ...args], captured.io);
    const report = JSON.parse(captured.stdout()) as { references: JsonReference[]; errors: unknown[] };
    return { status, report, stderr: captured.stderr() };
  }

  it('prints every reference with its position, kind and normalized form, in the documented shape', async () => {
    const { status, report } = await scanJson({
      Dockerfile: 'ARG V=3.19\nFROM alpine:${V} AS base\nFROM base\nCOPY --from=nginx /a /b\n',
    });
    expect(status).toBe(0);
    expect(report.references).toEqual([
      {
        file: 'Dockerfile',
        line: 2,
        column: 6,
        endLine: 2,
        endColumn: 17,
        kind: 'from',
        text: 'alpine:${V}',
        expanded: 'alpine:3.19',
        reference: 'docker.io/library/alpine:3.19',
        stage: 'base',
        platform: null,
        service: null,
        error: null,
      },
      expect.objectContaining({
        line: 4,
        column: 13,
        kind: 'copy-from',
        text: 'nginx',
        reference: 'docker.io/library/nginx:latest',
      }),
    ]);
    expect(report.errors).toEqual([]);
  });

  it('applies --build-arg to Dockerfiles and .env plus the environment to compose files', async () => {
    const { report } = await scanJson(
      {
        Dockerfile: 'ARG BASE=alpine\nFROM $BASE\n',
        'compose.yaml': 'services:\n  web:\n    image: "${IMG}:${TAG:-1}"\n',
        '.env': 'IMG=ghcr.io/acme/web\nTAG=2\n',
      },
      ['--build-arg', 'BASE=debian:12'],
      { TAG: '3' },
    );
    expect(report.references.map((r) => [r.file, r.kind, r.reference])).toEqual([
      ['Dockerfile', 'from', 'docker.io/library/debian:12'],
      ['compose.yaml', 'compose-image', 'ghcr.io/acme/web:3'],
    ]);
  });

  it('reads several --env-file values in order, later over earlier, each seeing the ones before', async () => {
    const { status, report } = await scanJson(
      {
        'compose.yaml': 'services:\n  web:\n    image: "${IMG}:${TAG}"\n',
        '.env': 'IMG=ignored\nTAG=ignored\n',
        'base.env': 'REG=ghcr.io\nIMG=${REG}/acme/web\nTAG=1\n',
        'prod.env': 'TAG=2-${REG}\n',
      },
      ['--env-file', 'base.env', '--env-file', 'prod.env'],
    );
    expect(status).toBe(0);
    expect(report.references.map((r) => r.expanded)).toEqual(['ghcr.io/acme/web:2-ghcr.io']);
  });

  it('scans the Dockerfile of a compose build with the build args compose passes', async () => {
    const { report } = await scanJson({
      'compose.yaml': 'services:\n  api:\n    build:\n      context: api\n      args:\n        BASE: node:22\n',
      'api/Dockerfile': 'ARG BASE\nFROM ${BASE}\n',
    });
    const fromCompose = report.references.find((r) => r.service === 'api');
    expect(fromCompose).toMatchObject({ file: 'api/Dockerfile', reference: 'docker.io/library/node:22', line: 2 });
  });

  it('keeps going past bad files and lists each problem', async () => {
    const { status, report } = await scanJson({
      'bad/compose.yaml': 'services:\n  web: [unclosed\n',
      'huge/Dockerfile': `FROM alpine\n${'# filler\n'.repeat(1_200_000)}`,
      'good/Dockerfile': 'FROM Ubuntu\nFROM debian:12\n',
      'laughs/compose.yaml': billionLaughs(),
    });
    expect(status).toBe(0);
    const files = report.errors.map((e) => (e as { file: string }).file);
    expect(files).toEqual(expect.arrayContaining(['bad/compose.yaml', 'huge/Dockerfile', 'laughs/compose.yaml']));
    const good = report.references.filter((r) => r.file === 'good/Dockerfile');
    expect(good.map((r) => [r.reference, r.error === null])).toEqual([
      [null, false],
      ['docker.io/library/debian:12', true],
    ]);
  });

  it('refuses unknown flags, a missing --env-file and an unknown format with exit status 2', async () => {
    const tree = await makeTempTree({});
    for (const args of [['--nope'], ['--env-file', 'missing.env'], ['--format', 'xml']]) {
      const captured = captureIo(tree.root);
      expect(await runCli(['scan', ...args], captured.io)).toBe(2);
      expect(captured.stderr()).toMatch(/Usage: image-trust scan/);
    }
  });

  it('prints a readable table by default', async () => {
    const tree = await makeTempTree({ Dockerfile: 'FROM alpine:3.19\nFROM --platform=linux/arm64 x:1 AS b\n' });
    const captured = captureIo(tree.root);
    expect(await runCli(['scan'], captured.io)).toBe(0);
    expect(captured.stdout()).toContain('docker.io/library/alpine:3.19');
    expect(captured.stdout()).toMatch(/2:\d+\s+from\s+docker\.io\/library\/x:1\s+\[stage b, platform linux\/arm64\]/);
    expect(captured.stdout()).toContain('2 image references in 1 file');
  });
});
