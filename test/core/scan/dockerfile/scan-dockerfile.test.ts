import { describe, expect, it } from 'vitest';
import { scanDockerfile, type ScanDockerfileOptions } from '../../../../src/core/scan/dockerfile';
import type { FoundImage } from '../../../../src/core/scan/found-image';

function images(text: string, options?: ScanDockerfileOptions): FoundImage[] {
  return scanDockerfile(text, options).images;
}

function expanded(text: string, options?: ScanDockerfileOptions): (string | null)[] {
  return images(text, options).map((image) => image.expanded);
}

/** The text at a range, to check that `text` is exactly what the file holds there. */
function at(text: string, image: FoundImage): string {
  const lines = text.split('\n');
  const { line, column, endLine, endColumn } = image.range;
  if (line === endLine) return (lines[line - 1] ?? '').slice(column - 1, endColumn - 1);
  const middle = lines.slice(line, endLine - 1);
  return [
    (lines[line - 1] ?? '').slice(column - 1),
    ...middle,
    (lines[endLine - 1] ?? '').slice(0, endColumn - 1),
  ].join('\n');
}

describe('scanDockerfile', () => {
  describe('reports FROM images', () => {
    it('with the range and text as written', () => {
      const text = 'FROM alpine:3.19 AS base\n';
      expect(images(text)).toEqual([
        {
          kind: 'from',
          range: { line: 1, column: 6, endLine: 1, endColumn: 17 },
          text: 'alpine:3.19',
          expanded: 'alpine:3.19',
          stage: 'base',
        },
      ]);
    });

    it('across continuation lines with comments and empty lines inside', () => {
      const text = 'FROM \\\n# a comment\n\n  --platform=linux/amd64 \\\n  debian:12 AS x\n';
      const [image] = images(text);
      expect(image).toMatchObject({ text: 'debian:12', expanded: 'debian:12', platform: 'linux/amd64', stage: 'x' });
      expect(at(text, image as FoundImage)).toBe('debian:12');
      expect(image?.range.line).toBe(5);
    });

    it('split by a continuation inside the reference, mapping both ends back', () => {
      const text = 'FROM alp\\\nine:3 AS x\n';
      const [image] = images(text);
      expect(image).toMatchObject({ text: 'alp\\\nine:3', expanded: 'alpine:3' });
      expect(image?.range).toEqual({ line: 1, column: 6, endLine: 2, endColumn: 6 });
      expect(at(text, image as FoundImage)).toBe(image?.text);
    });

    it('with the backtick escape of the escape directive', () => {
      const text = '# escape=`\nFROM `\n  mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir c:\\\n';
      expect(expanded(text)).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2022']);
    });

    it('with a trailing escape at the end of the file', () => {
      expect(expanded('FROM busybox \\')).toEqual(['busybox']);
    });

    it('with case-insensitive instruction names and numbered unnamed stages', () => {
      expect(images('from a\nFrOm b\n').map((i) => [i.expanded, i.stage])).toEqual([
        ['a', '0'],
        ['b', '1'],
      ]);
    });

    it('but not `scratch`, nor a base naming an earlier stage', () => {
      expect(expanded('FROM scratch AS s\nFROM s\nFROM golang AS build\nFROM build\n')).toEqual(['golang']);
    });

    it('taking a base that only matches a stage name case-insensitively as an image, as BuildKit', () => {
      expect(expanded('FROM a AS build\nFROM BUILD\n')).toEqual(['a', 'BUILD']);
    });

    it('taking a base naming a later stage as an image', () => {
      expect(expanded('FROM later\nFROM b AS later\n')).toEqual(['later', 'b']);
    });
  });

  describe('expands FROM with meta ARGs', () => {
    const text = 'ARG REGISTRY=docker.io\nARG IMAGE="$REGISTRY/library/alpine"\nARG TAG=3.19\nFROM ${IMAGE}:${TAG}\n';

    it('using defaults that reference earlier ARGs, with where each value is written', () => {
      const [image] = images(text);
      expect(image?.expanded).toBe('docker.io/library/alpine:3.19');
      expect(image?.variables).toEqual([
        { name: 'IMAGE', source: 'arg', valueRange: { line: 2, column: 11, endLine: 2, endColumn: 37 } },
        { name: 'TAG', source: 'arg', valueRange: { line: 3, column: 9, endLine: 3, endColumn: 13 } },
      ]);
    });

    it('letting build args override declared ARGs only', () => {
      const [image] = images(text, { buildArgs: { TAG: '3.20', OTHER: 'x' } });
      expect(image?.expanded).toBe('docker.io/library/alpine:3.20');
      expect(image?.variables?.[1]).toEqual({ name: 'TAG', source: 'build-arg' });
      expect(expanded('FROM alpine:${UNDECLARED:-1}\n', { buildArgs: { UNDECLARED: '2' } })).toEqual(['alpine:1']);
    });

    it('recording a ${V:-default} default with its range', () => {
      const [image] = images('FROM ${BASE:-alpine}\n');
      expect(image).toMatchObject({ expanded: 'alpine', variables: [{ name: 'BASE', source: 'default' }] });
      expect(image?.variables?.[0]?.valueRange).toEqual({ line: 1, column: 14, endLine: 1, endColumn: 20 });
    });

    it.each([
      ['${V}', 'x:1'],
      ['${V%:*}', 'x'],
      ['${V#x}', ':1'],
      ['${V/:/-}', 'x-1'],
      ['${V:+y}', 'y'],
      ['${NOPE+y}z', 'z'],
      ['${NOPE-z}', 'z'],
    ])('with the operator in %s', (word, result) => {
      expect(expanded(`ARG V=x:1\nFROM ${word}\n`)).toEqual([result]);
    });

    it('failing ${V:?message} with the message', () => {
      const [image] = images('ARG V\nFROM ${V:?set-V-to-the-base}\n');
      expect(image).toMatchObject({ expanded: null, error: 'V: set-V-to-the-base' });
    });

    it('splitting FROM on white space before expanding, as BuildKit', () => {
      const result = scanDockerfile('ARG V\nFROM ${V:?set V}\n');
      expect(result.images[0]).toMatchObject({ text: '${V:?set', expanded: null });
      expect(result.errors.map((e) => e.line)).toEqual([2]);
    });

    it('naming an undeclared variable', () => {
      const [image] = images('FROM alpine:${TAG}\n');
      expect(image?.expanded).toBeNull();
      expect(image?.error).toContain('TAG');
    });

    it('naming the variable of a name that expands to nothing', () => {
      const [image] = images('ARG BASE=\nFROM $BASE\n');
      expect(image?.expanded).toBeNull();
      expect(image?.error).toContain('BASE');
    });

    it('reporting a meta ARG default that fails with its line', () => {
      const result = scanDockerfile('FROM x\n', {});
      expect(result.errors).toEqual([]);
      expect(scanDockerfile('ARG A="${B:?needs B}"\nFROM x\n').errors).toEqual([{ line: 1, message: 'B: needs B' }]);
    });
  });

  describe('handles the automatic platform ARGs', () => {
    const text =
      'FROM --platform=$BUILDPLATFORM golang AS build\nFROM --platform=$TARGETPLATFORM alpine:${TARGETARCH}\n';

    it('keeping them as written without platform options', () => {
      const [build, run] = images(text);
      expect(build).toMatchObject({ expanded: 'golang', platform: '$BUILDPLATFORM' });
      expect(run).toMatchObject({ expanded: null, platform: '$TARGETPLATFORM' });
      expect(run?.error).toContain('TARGETARCH');
    });

    it('deriving them from the platform options, normalized as containerd does', () => {
      const [build, run] = images(text, { platform: 'linux/arm64/v8', buildPlatform: 'linux/amd64' });
      expect(build).toMatchObject({ expanded: 'golang', platform: 'linux/amd64' });
      expect(run).toMatchObject({ expanded: 'alpine:arm64', platform: 'linux/arm64' });
    });

    it('through meta ARGs built from them', () => {
      const [image] = images('ARG ARCH=$TARGETARCH\nFROM alpine:$ARCH\n');
      expect(image?.expanded).toBeNull();
      expect(image?.error).toContain('TARGETARCH');
    });

    it('with an invalid platform option as an error', () => {
      expect(scanDockerfile('FROM a\n', { platform: 'linux/*' }).errors).toHaveLength(1);
    });
  });

  describe('reports COPY --from', () => {
    it('for images, not for stages by name (any case) or index', () => {
      const text = 'FROM a AS build\nFROM b\nCOPY --from=BUILD /x /x\nCOPY --from=0 /x /x\nCOPY --from=nginx:1 /y /y\n';
      const copies = images(text).filter((i) => i.kind === 'copy-from');
      expect(copies).toEqual([
        {
          kind: 'copy-from',
          range: { line: 5, column: 13, endLine: 5, endColumn: 20 },
          text: 'nginx:1',
          expanded: 'nginx:1',
          stage: '1',
        },
      ]);
    });

    it('with a stage defined later as a stage', () => {
      expect(expanded('FROM a\nCOPY --from=later /x /x\nFROM b AS later\n')).toEqual(['a', 'b']);
    });

    it('rejecting variables as BuildKit does', () => {
      const result = scanDockerfile('ARG X=y\nFROM a\nCOPY --from=$X /x /x\n');
      expect(result.errors.map((e) => e.line)).toEqual([3]);
      expect(result.images.map((i) => i.kind)).toEqual(['from']);
    });

    it('with an out-of-range index as an error', () => {
      expect(scanDockerfile('FROM a\nCOPY --from=3 /x /x\n').errors.map((e) => e.line)).toEqual([3 - 1]);
    });

    it('but not ADD --from, which BuildKit does not have', () => {
      const result = scanDockerfile('FROM a\nADD --from=b /x /x\n');
      expect(result.images).toHaveLength(1);
      expect(result.errors).toEqual([{ line: 2, message: 'unknown flag: --from' }]);
    });
  });

  describe('reports RUN --mount from=', () => {
    it('for images in any mount, parsing the value as CSV', () => {
      const text =
        'FROM a AS s\nRUN --mount=type=cache,target=/c,"from=s" \\\n    --mount=FROM=golang:1.22,target=/g go build\n';
      const mounts = images(text).filter((i) => i.kind === 'mount-from');
      expect(mounts).toMatchObject([{ text: 'golang:1.22', expanded: 'golang:1.22', stage: 's', range: { line: 3 } }]);
      expect(at(text, mounts[0] as FoundImage)).toBe('golang:1.22');
    });

    it('rejecting variables as BuildKit does', () => {
      expect(scanDockerfile('FROM a\nRUN --mount=from=$X,target=/x true\n').errors).toHaveLength(1);
    });
  });

  it('reports the references of ONBUILD triggers where they are written', () => {
    const text = 'FROM a AS base\nONBUILD COPY --from=tools:1 /t /t\nONBUILD RUN --mount=from=cache:2,target=/c true\n';
    expect(images(text).map((i) => [i.kind, i.text, i.range.line])).toEqual([
      ['from', 'a', 1],
      ['copy-from', 'tools:1', 2],
      ['mount-from', 'cache:2', 3],
    ]);
  });

  describe('reports the syntax directive', () => {
    it('as an image reference of kind syntax', () => {
      expect(images('# syntax=docker/dockerfile:1.7 // opts\nFROM a\n')[0]).toEqual({
        kind: 'syntax',
        range: { line: 1, column: 10, endLine: 1, endColumn: 31 },
        text: 'docker/dockerfile:1.7',
        expanded: 'docker/dockerfile:1.7',
      });
    });

    it('only before anything else', () => {
      expect(images('FROM a\n# syntax=docker/dockerfile:1\n').map((i) => i.kind)).toEqual(['from']);
    });
  });

  describe('with a target', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      'FROM golang AS build',
      'RUN --mount=type=bind,from=tools,target=/t true',
      'FROM busybox AS tools',
      'FROM alpine AS test',
      'COPY --from=build /x /x',
      'FROM debian AS release',
      'COPY --from=nginx /y /y',
      '',
    ].join('\n');

    it('reports only what the target depends on, and the syntax directive', () => {
      expect(expanded(text, { target: 'Test' })).toEqual(['docker/dockerfile:1', 'golang', 'busybox', 'alpine']);
      expect(expanded(text, { target: 'release' })).toEqual(['docker/dockerfile:1', 'debian', 'nginx']);
    });

    it('reports an unknown target as an error', () => {
      expect(scanDockerfile(text, { target: 'nope' }).errors).toHaveLength(1);
    });
  });

  describe('does not take heredoc bodies for instructions', () => {
    it('in RUN, COPY and with several heredocs on one line', () => {
      const text =
        'FROM a\nRUN <<EOF\nFROM evil\nEOF\nCOPY <<ONE <<-"TWO" /dst\nFROM x\nONE\n\tFROM y\n\tTWO\nFROM b\n';
      expect(expanded(text)).toEqual(['a', 'b']);
      expect(scanDockerfile(text).errors).toEqual([]);
    });

    it('reporting an unterminated heredoc and reading on after its instruction', () => {
      const result = scanDockerfile('FROM a\nRUN <<EOF\necho\nFROM b\n');
      expect(result.errors[0]).toEqual({ line: 2, message: 'unterminated heredoc' });
      expect(result.images.map((i) => i.expanded)).toEqual(['a', 'b']);
    });
  });

  describe('reports malformed files with line numbers and keeps going', () => {
    it.each([
      ['FROM a\nFOO bar\nFROM b\n', 2],
      ['RUN x\nFROM b\n', 1],
      ['FROM\nFROM b\n', 1],
      ['FROM a b\nFROM b\n', 1],
      ['FROM a AS 1x\nFROM b\n', 1],
      ['FROM --plat=x a\nFROM b\n', 1],
      ['FROM a\nCMD ["a", 1]\nFROM b\n', 2],
      ['FROM a\nENV X\nFROM b\n', 2],
      ['FROM a\nCOPY x\nFROM b\n', 2],
      ['# escape=x\nFROM a\nFROM b\n', 1],
      ['FROM a AS s\nCOPY --from=s /a /b\nFROM b\n', 1],
    ])('%j → an error on line %i', (text, line) => {
      const result = scanDockerfile(text);
      expect(result.errors.map((e) => e.line)).toContain(line);
      expect(result.images.some((i) => i.expanded === 'b')).toBe(true);
    });

    it('an empty file as having no instructions', () => {
      expect(scanDockerfile('').errors).toEqual([{ line: 1, message: 'file with no instructions' }]);
    });

    it('a binary file without throwing', () => {
      const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
      expect(() => scanDockerfile(bytes)).not.toThrow();
    });
  });
});
