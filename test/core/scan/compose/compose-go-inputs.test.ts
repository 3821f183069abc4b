import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanCompose } from '../../../../src/core/scan/compose';
import { parseDotenv } from '../../../../src/core/scan/compose/dotenv';
import { peerPath, readPeerJson, readPeerText } from './peer-data';

interface Scenario {
  name: string;
  files: string[];
  env: Record<string, string>;
  expect?: Record<string, unknown>;
  errorContains?: string;
}

const { scenarios } = readPeerJson<{ scenarios: Scenario[] }>('loader-scenarios.json');

/**
 * Scenarios about what an image scanner does not read, each with the reason. The scanner reads one file's
 * services' image/volumes/build; it does not merge several files, validate the schema, cast types or name projects.
 */
const NOT_APPLICABLE: Record<string, string> = {
  TestLoadWithEnvironment: 'service `environment` values are not image references',
  TestLoadEnvironmentWithBoolean: 'service `environment` values are not image references',
  TestInvalidEnvironmentValue: 'schema validation of `environment` is not an image concern',
  TestInvalidEnvironmentObject: 'schema validation of `environment` is not an image concern',
  TestInterpolateInt: 'casting `scale` to int is schema work; images are always strings',
  'TestProjectNameInterpolation/override': 'merging several compose files is the caller’s job (one text per scan)',
  'TestProjectNameInterpolation/option': 'the `--project-name` option is a CLI input, not file content',
  'TestLoadProjectName/default': '"project name must not be empty" needs the CLI working directory',
  'TestLoadProjectName/env-only': '"project name must not be empty" needs the CLI working directory',
  'TestLoadProjectName/option': 'the `--project-name` option is a CLI input, not file content',
};

/** `services.<name>.image` and `.platform` expectations: the two fields a FoundImage carries. */
const imageExpectations = (scenario: Scenario) =>
  Object.entries(scenario.expect ?? {}).filter(([path]) => /^services\.[^.]+\.(image|platform)$/.test(path));

describe('scanCompose with compose-go inputs', () => {
  describe('agrees with the compose-go loader scenarios on images and their errors', () => {
    const applicable = scenarios.filter((s) => !(s.name in NOT_APPLICABLE));
    it.each(applicable.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
      const [file] = scenario.files;
      const result = scanCompose(file ?? '', { environment: scenario.env });
      if (scenario.errorContains) {
        expect(result.errors.map((e) => e.message)).toContainEqual(expect.stringContaining(scenario.errorContains));
        return;
      }
      expect(result.errors).toEqual([]);
      for (const [path, value] of imageExpectations(scenario)) {
        const [, service, field] = path.split('.');
        const found = result.images.find((i) => i.service === service);
        expect(field === 'image' ? found?.expanded : found?.platform).toBe(value);
      }
    });

    it('lists each scenario it leaves out, with a reason', () => {
      const names = scenarios.map((s) => s.name);
      expect(Object.keys(NOT_APPLICABLE).filter((name) => !names.includes(name))).toEqual([]);
      expect(scenarios.length - Object.keys(NOT_APPLICABLE).length).toBe(5);
    });

    it('reads COMPOSE_PROJECT_NAME from name: as TestProjectNameInterpolation/simple does, in an image', () => {
      const text = 'name: interpolated\nservices:\n  web:\n    image: ${COMPOSE_PROJECT_NAME}-web\n';
      expect(scanCompose(text, { environment: {} }).images[0]?.expanded).toBe('interpolated-web');
    });
  });

  describe('reads the compose-go testdata files without throwing, finding every written image: line', () => {
    const files = ['loader/testdata', 'cli/testdata'].flatMap((dir) => yamlFilesUnder(peerPath(dir)));
    it.each(files.map((file) => [relative(peerPath('.'), file), file] as const))('%s', (name) => {
      const text = readPeerText(name);
      const result = scanCompose(text, { environment: { SOURCE: '/src' } });
      const written = text.split('\n').flatMap((line, i) => (/^\s+image:\s*\S/.test(line) ? [i + 1] : []));
      const found = result.images.filter((i) => i.kind === 'compose-image').map((i) => i.range.line);
      expect([...new Set(found)].sort((a, b) => a - b)).toEqual(written);
    });

    it('expands cli/testdata/simple with its .env beside it', () => {
      const dotenv = { file: '.env', values: parseDotenv(readPeerText('cli/testdata/simple/.env')).values };
      const result = scanCompose(readPeerText('cli/testdata/simple/compose-with-variables.yaml'), {
        environment: {},
        dotenv,
      });
      expect(result).toMatchObject({ errors: [], images: [{ service: 'simple', expanded: 'nginx' }] });
    });

    it('expands schema/using-variables.yaml image from the environment', () => {
      const result = scanCompose(readPeerText('schema/using-variables.yaml'), { environment: { VARIABLE: 'busybox' } });
      expect(result.images).toMatchObject([
        { service: 'foo', expanded: 'busybox', variables: [{ name: 'VARIABLE', source: 'env' }] },
      ]);
    });
  });
});

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFilesUnder(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}
