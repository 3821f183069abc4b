// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeIo = ['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'tls', 'child_process', 'dgram', 'dns'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.vscode-test/', 'out/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is editor-free and does its I/O through injected ports (DESIGN.md "Seams").
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core never imports vscode.' },
            ...nodeIo.flatMap((m) => [
              { name: m, message: 'I/O reaches src/core through ports (src/node).' },
              { name: `node:${m}`, message: 'I/O reaches src/core through ports (src/node).' },
            ]),
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
