// The standard route for contributors with internet: `npx @vscode/test-cli` (with @vscode/test-electron, which
// downloads VS Code) runs extension tests in a real VS Code. Our machines have no such download: CI drives
// code-server instead (`npm run test:e2e`, see README "VS Code extension").
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  label: 'extension',
  files: 'test/vscode-electron/**/*.test.cjs',
  version: 'stable',
  workspaceFolder: './examples/demo',
  mocha: { ui: 'bdd', timeout: 20_000 },
});
