import { describe, expect, it } from 'vitest';
import { scanCompose, type ComposeScanOptions } from '../../../../src/core/scan/compose';
import { parseDotenv } from '../../../../src/core/scan/compose/dotenv';

const scan = (text: string, options: Partial<ComposeScanOptions> = {}) =>
  scanCompose(text, { environment: {}, ...options });

describe('scanCompose', () => {
  describe('reports service images where they are written', () => {
    it('gives a plain image its exact range and text', () => {
      const result = scan('services:\n  web:\n    image: nginx:1.25  # pinned later\n');
      expect(result.errors).toEqual([]);
      expect(result.images).toEqual([
        {
          kind: 'compose-image',
          service: 'web',
          text: 'nginx:1.25',
          expanded: 'nginx:1.25',
          range: { line: 3, column: 12, endLine: 3, endColumn: 22 },
        },
      ]);
    });

    it('gives a quoted image the range inside its quotes', () => {
      const result = scan(`services:\n  a:\n    image: "redis:7"\n  b:\n    image: 'redis:8'\n`);
      expect(result.images.map((i) => [i.text, i.range])).toEqual([
        ['redis:7', { line: 3, column: 13, endLine: 3, endColumn: 20 }],
        ['redis:8', { line: 5, column: 13, endLine: 5, endColumn: 20 }],
      ]);
    });

    it('expands YAML escapes before interpolating, and keeps the written text', () => {
      const result = scan('services:\n  a:\n    image: "redis:\\x37"\n');
      expect(result.images[0]).toMatchObject({ text: 'redis:\\x37', expanded: 'redis:7' });
    });

    it('reports an image reached through an alias at the anchored scalar', () => {
      const text = 'x-img: &img alpine:3\nservices:\n  a:\n    image: *img\n  b:\n    image: *img\n';
      const result = scan(text);
      expect(result.images.map((i) => [i.service, i.range.line, i.range.column])).toEqual([
        ['a', 1, 13],
        ['b', 1, 13],
      ]);
    });

    it('follows merge keys, explicit keys first, then earlier merges before later ones', () => {
      const text = [
        'x-a: &a {image: from-a}',
        'x-b: &b {image: from-b, build: ./b}',
        'services:',
        '  first:',
        '    <<: [*a, *b]',
        '  own:',
        '    image: own',
        '    <<: *b',
        '  nested:',
        '    <<: {<<: *b}',
      ].join('\n');
      const result = scan(text);
      expect(result.errors).toEqual([]);
      expect(result.images.map((i) => [i.service, i.expanded, i.range.line])).toEqual([
        ['first', 'from-a', 1],
        ['own', 'own', 7],
        ['nested', 'from-b', 2],
      ]);
      expect(result.builds.map((b) => [b.service, b.context])).toEqual([
        ['first', './b'],
        ['own', './b'],
        ['nested', './b'],
      ]);
    });

    it('reads services that come from a merge into the services map', () => {
      const result = scan('x: &common\n  base: {image: busybox}\nservices:\n  <<: *common\n  web: {image: nginx}\n');
      expect(result.images.map((i) => i.service).sort()).toEqual(['base', 'web']);
    });

    it('carries the service platform, interpolated, on its image', () => {
      const result = scan('services:\n  a:\n    image: alpine\n    platform: linux/${ARCH:-arm64}\n');
      expect(result.images[0]?.platform).toBe('linux/arm64');
    });

    it('reports type: image volume sources as compose-volume-image', () => {
      const text = [
        'services:',
        '  app:',
        '    image: app',
        '    volumes:',
        '      - ./data:/data',
        '      - type: image',
        '        source: "models:${V:-1}"',
        '        target: /models',
        '      - type: volume',
        '        source: cache',
        '        target: /cache',
      ].join('\n');
      const result = scan(text);
      expect(result.images.map((i) => [i.kind, i.expanded, i.range.line])).toEqual([
        ['compose-image', 'app', 3],
        ['compose-volume-image', 'models:1', 7],
      ]);
    });
  });

  describe('interpolates like Compose', () => {
    const dotenvText = 'TAG=from-dotenv\nREG=registry.local\n';
    const dotenv = { file: '/p/.env', values: parseDotenv(dotenvText).values };

    it('puts the process environment above .env values, and .env above defaults', () => {
      const text = 'services:\n  a:\n    image: ${REG:-docker.io}/app:${TAG:-latest}\n';
      expect(scan(text, { environment: { TAG: 'from-env' }, dotenv }).images[0]?.expanded).toBe(
        'registry.local/app:from-env',
      );
      expect(scan(text, { dotenv }).images[0]?.expanded).toBe('registry.local/app:from-dotenv');
      expect(scan(text).images[0]?.expanded).toBe('docker.io/app:latest');
    });

    it('says where each variable came from, with the .env value range for pinning', () => {
      const text = 'services:\n  a:\n    image: ${REG}/app:${TAG}-${FLAVOR:-slim}\n';
      const result = scan(text, { environment: { REG: 'ghcr.io' }, dotenv });
      expect(result.images[0]?.variables).toEqual([
        { name: 'REG', source: 'env' },
        {
          name: 'TAG',
          source: 'dotenv',
          file: '/p/.env',
          valueRange: { line: 1, column: 5, endLine: 1, endColumn: 16 },
        },
        { name: 'FLAVOR', source: 'default', valueRange: { line: 3, column: 40, endLine: 3, endColumn: 44 } },
      ]);
    });

    it('treats a variable set to undefined in the environment as unset', () => {
      const text = 'services:\n  a:\n    image: app:${TAG}\n';
      expect(scan(text, { environment: { TAG: undefined }, dotenv }).images[0]?.expanded).toBe('app:from-dotenv');
    });

    it('gives an image that cannot be expanded null and the compose-go error', () => {
      const result = scan('services:\n  a:\n    image: app:${TAG:?set TAG}\n  b:\n    image: ${\n');
      expect(result.images.map((i) => [i.expanded, i.error])).toEqual([
        [null, 'error while interpolating services.a.image: required variable TAG is missing a value: set TAG'],
        [null, 'invalid interpolation format for services.b.image.\nYou may need to escape any $ with another $.\n${'],
      ]);
    });

    it('keeps $$ as a literal $', () => {
      expect(scan('services:\n  a:\n    image: a$$b\n').images[0]?.expanded).toBe('a$b');
    });

    it('sets COMPOSE_PROJECT_NAME from name:, interpolated and normalized, above the environment', () => {
      const text = 'name: My_${X}App!\nservices:\n  a:\n    image: ${COMPOSE_PROJECT_NAME}-img\n';
      const result = scan(text, { environment: { X: '-2-', COMPOSE_PROJECT_NAME: 'ignored' } });
      expect(result.images[0]?.expanded).toBe('my_-2-app-img');
    });

    it('does not interpolate inside YAML comments', () => {
      const result = scan('# ${SHOULD_NOT_BREAK\nservices:\n  a:\n    image: busybox # ${NOR_THIS\n');
      expect(result).toMatchObject({ errors: [], images: [{ expanded: 'busybox' }] });
    });
  });

  describe('reports builds for the Dockerfile scanner', () => {
    it('reads the string form as the context', () => {
      const result = scan('services:\n  a:\n    build: ./${DIR:-app}\n');
      expect(result.builds).toEqual([
        {
          service: 'a',
          context: './app',
          dockerfile: 'Dockerfile',
          args: {},
          range: { line: 3, column: 12, endLine: 3, endColumn: 25 },
        },
      ]);
    });

    it('reads the map form with args as a map, interpolated, with defaults', () => {
      const text = [
        'services:',
        '  a:',
        '    build:',
        '      dockerfile: docker/${NAME}.Dockerfile',
        '      target: prod',
        '      args:',
        '        VERSION: ${V:-1}',
        '        NUM: 2',
        '        FROM_ENV:',
        '        MISSING:',
      ].join('\n');
      const result = scan(text, { environment: { NAME: 'web', FROM_ENV: 'x' } });
      expect(result.builds).toEqual([
        {
          service: 'a',
          context: '.',
          dockerfile: 'docker/web.Dockerfile',
          target: 'prod',
          args: { VERSION: '1', NUM: '2', FROM_ENV: 'x' },
          range: { line: 4, column: 7, endLine: 10, endColumn: 17 },
        },
      ]);
    });

    it('reads args as a list of K=V and bare K, and dockerfile_inline', () => {
      const text =
        'services:\n  a:\n    build:\n      context: .\n      dockerfile_inline: "FROM alpine"\n      args: [A=1=2, "B=", C, D]\n';
      const result = scan(text, { environment: { C: 'c' } });
      expect(result.builds[0]).toMatchObject({ dockerfileInline: 'FROM alpine', args: { A: '1=2', B: '', C: 'c' } });
    });

    it('leaves out a build whose fields cannot be interpolated, with an error at its line', () => {
      const result = scan('services:\n  a:\n    build:\n      context: ${CTX:?}\n');
      expect(result.builds).toEqual([]);
      expect(result.errors).toEqual([{ line: 4, message: expect.stringContaining('services.a.build.context') }]);
    });
  });

  describe('reports problems as errors with lines and goes on', () => {
    it('reports invalid YAML at its line', () => {
      const result = scan('services:\n  a:\n    image: [unclosed\n');
      expect(result.images).toEqual([]);
      expect(result.errors.length).toBeGreaterThan(0);
      expect(result.errors[0]?.line).toBeGreaterThanOrEqual(3);
    });

    it('reports duplicate keys as go-yaml does', () => {
      expect(scan('services:\n  a:\n    image: x\n    image: y\n').errors).toEqual([
        { line: 4, message: expect.any(String) },
      ]);
    });

    it('reports a non-string image, a non-map service and keeps the rest', () => {
      const result = scan(
        'services:\n  a:\n    image: ["busybox", "latest"]\n  b: just-text\n  c:\n    image: 42\n  d:\n    image: ok\n  e:\n',
      );
      expect(result.images.map((i) => i.service)).toEqual(['d']);
      expect(result.errors).toEqual([
        { line: 3, message: 'services.a.image must be a string' },
        { line: 4, message: 'services.b must be a mapping' },
        { line: 6, message: 'services.c.image must be a string' },
      ]);
    });

    it('reports services that are not a map, missing services, a non-map top level and an empty file', () => {
      expect(scan('services: [a]\n').errors).toEqual([{ line: 1, message: 'services must be a mapping' }]);
      expect(scan('networks: {}\n').errors).toEqual([{ line: 1, message: 'compose file has no services' }]);
      expect(scan('- a\n').errors).toEqual([
        { line: 1, message: 'top-level object must be a mapping' },
        { line: 1, message: 'compose file has no services' },
      ]);
      expect(scan('').errors).toEqual([{ line: 1, message: 'empty compose file' }]);
    });

    it('reports an unknown anchor', () => {
      expect(scan('services:\n  a:\n    image: *nope\n').errors).toEqual([
        { line: 3, message: expect.stringContaining("unknown anchor 'nope'") },
      ]);
    });

    it('reads every document of a multi-document stream, as compose-go merges them', () => {
      const result = scan('services:\n  a: {image: one}\n---\nservices:\n  a: {image: two}\n');
      expect(result.images.map((i) => [i.expanded, i.range.line])).toEqual([
        ['one', 2],
        ['two', 5],
      ]);
    });

    it('follows a merge-key alias bomb without expanding it', () => {
      const lines = ['x0: &x0 {a: 1}'];
      for (let i = 1; i <= 40; i += 1)
        lines.push(
          `x${i}: &x${i} {<<: [${Array(10)
            .fill(`*x${i - 1}`)
            .join(', ')}]}`,
        );
      lines.push('services:', '  s:', '    <<: *x40', '    image: ok');
      const started = performance.now();
      const result = scan(lines.join('\n'));
      expect(performance.now() - started).toBeLessThan(2000);
      expect(result.images.map((i) => i.expanded)).toEqual(['ok']);
    });

    it('does not expand an alias bomb, and reports the entries the compose schema refuses', () => {
      const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i <= 9; i += 1)
        lines.push(
          `a${i}: &a${i} [${Array(10)
            .fill(`*a${i - 1}`)
            .join(', ')}]`,
        );
      lines.push('services:', '  s:', '    image: ok', '    volumes: *a9');
      const result = scan(lines.join('\n'));
      expect(result.errors.length).toBe(10);
      expect(new Set(result.errors.map((error) => error.message))).toEqual(
        new Set(['services.s.volumes entries must be a string or a mapping']),
      );
      expect(result.images).toHaveLength(1);
    });

    it("stops at compose-go's node visit limit with an error", () => {
      const lines = ['x: &x {image: busybox, build: ., volumes: [{type: image, source: a}]}', 'services:'];
      for (let i = 0; i < 20_000; i += 1) lines.push(`  s${i}: *x`);
      const result = scan(lines.join('\n'));
      expect(result.errors).toEqual([
        { line: expect.any(Number), message: expect.stringContaining('maximum node visit limit') },
      ]);
      expect(result.images.length).toBeGreaterThan(0);
    });
  });
});
