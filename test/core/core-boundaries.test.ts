import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const coreRoot = new URL('../../src/core/', import.meta.url).pathname;
const forbidden = /from\s+['"](vscode|(node:)?(fs|fs\/promises|net|http|https|http2|tls|child_process|dgram|dns))['"]/;

async function sourceFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return Promise.resolve(entry.name.endsWith('.ts') ? [path] : []);
    }),
  );
  return nested.flat();
}

describe('the core', () => {
  it('has a boundary check that recognises the imports it forbids', () => {
    expect(forbidden.test("import { readFile } from 'node:fs/promises';")).toBe(true);
    expect(forbidden.test("import * as vscode from 'vscode';")).toBe(true);
    expect(forbidden.test("import { join } from 'node:path';")).toBe(false);
  });

  it('never imports vscode nor a Node I/O module: I/O arrives through ports', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(coreRoot)) {
      const match = forbidden.exec(await readFile(file, 'utf8'));
      if (match) offenders.push(`${file.slice(coreRoot.length)} imports ${match[1]}`);
    }
    expect(offenders).toEqual([]);
  });
});
