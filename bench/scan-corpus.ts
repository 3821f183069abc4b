import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Deterministic pseudo-random numbers, so every run scans the same corpus. */
function* random(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    yield state / 0x7fffffff;
  }
}

const BASES = ['alpine:3.19', 'debian:bookworm-slim', 'node:${NODE_VERSION}-alpine', 'python:3.12', 'golang:1.22'];

function dockerfile(i: number, pick: () => number): string {
  const base = BASES[Math.floor(pick() * BASES.length)] ?? 'alpine';
  return [
    i % 7 === 0 ? '# syntax=docker/dockerfile:1.7' : '# build',
    'ARG NODE_VERSION=20',
    `ARG REGISTRY=registry.example.com:${5000 + (i % 50)}`,
    `FROM --platform=$BUILDPLATFORM ${base} AS build`,
    'WORKDIR /src',
    'COPY package.json package-lock.json ./',
    'RUN --mount=type=cache,target=/root/.npm \\',
    '    --mount=type=bind,from=${REGISTRY}/tools/protoc:v3,target=/protoc \\',
    '    npm ci && \\',
    '    # a comment inside a continuation',
    '    npm run build',
    "RUN <<EOF\nset -e\necho 'FROM not-an-image' > /tmp/x\nEOF",
    `FROM \${REGISTRY}/base/runtime:${i % 13}.${i % 5} AS runtime`,
    'COPY --from=build /src/dist /app',
    `COPY --from=ghcr.io/acme/assets:${i % 11} /static /app/static`,
    'ENV NODE_ENV=production',
    'USER 1000',
    'CMD ["node", "/app/index.js"]',
    '',
  ].join('\n');
}

function compose(i: number): string {
  return [
    'x-defaults: &defaults',
    '  restart: unless-stopped',
    '  logging: { driver: json-file }',
    'services:',
    '  web:',
    '    <<: *defaults',
    `    image: "ghcr.io/acme/web:\${WEB_TAG:-1.${i % 9}}"`,
    '    ports: ["8080:80"]',
    '  db:',
    '    <<: *defaults',
    `    image: postgres:${12 + (i % 5)}-alpine`,
    '    environment:',
    '      POSTGRES_PASSWORD: example',
    '  cache:',
    `    image: redis:7.${i % 3}`,
    '    volumes:',
    '      - type: image',
    `        source: registry.example.com/data/seed:${i % 17}`,
    '        target: /seed',
    '',
  ].join('\n');
}

/** Writes `count` files (70% Dockerfiles, 30% compose files) in folders of 100 under `root`. */
export async function writeScanCorpus(root: string, count: number): Promise<{ bytes: number }> {
  const numbers = random(42);
  const pick = () => numbers.next().value as number;
  let bytes = 0;
  for (let start = 0; start < count; start += 100) {
    const folder = join(root, `project-${start / 100}`);
    await mkdir(folder, { recursive: true });
    const writes: Promise<void>[] = [];
    for (let i = start; i < Math.min(count, start + 100); i++) {
      const isCompose = i % 10 >= 7;
      const text = isCompose ? compose(i) : dockerfile(i, pick);
      bytes += Buffer.byteLength(text);
      // Compose looks for fixed names, so each compose file gets a folder of its own, as in a real repository.
      const path = isCompose ? join(folder, `app-${i}`, 'compose.yaml') : join(folder, `${i}.Dockerfile`);
      if (isCompose) await mkdir(join(folder, `app-${i}`));
      writes.push(writeFile(path, text));
    }
    await Promise.all(writes);
  }
  return { bytes };
}
