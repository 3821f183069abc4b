// Runs inside VS Code through @vscode/test-cli and @vscode/test-electron (.vscode-test.mjs), for contributors
// with internet. Machines without it run the same extension in code-server instead: test/e2e (npm run test:e2e).
/* global describe, it, require, __dirname, setTimeout */
/* eslint-disable @typescript-eslint/no-require-imports -- mocha loads this file with require() in the extension host */
const assert = require('node:assert');
const path = require('node:path');
const vscode = require('vscode');

const COMMANDS = [
  'imageTrust.pinFile',
  'imageTrust.pinWorkspace',
  'imageTrust.verify',
  'imageTrust.clearCache',
  'imageTrust.signIn',
  'imageTrust.signOut',
  'imageTrust.showFindings',
  'imageTrust.openEvidence',
];

async function diagnosticsOf(uri, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ours = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Image Trust');
    if (ours.length > 0 || Date.now() > deadline) return ours;
    await new Promise((settle) => setTimeout(settle, 200));
  }
}

describe('Image Trust in VS Code', function () {
  this.timeout(30_000);

  it('reports the unpinned references of the demo Dockerfile', async () => {
    const uri = vscode.Uri.file(path.resolve(__dirname, '../../examples/demo/Dockerfile'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const codes = (await diagnosticsOf(uri, 20_000)).map((diagnostic) => diagnostic.code);
    assert.ok(codes.includes('IMAGE_UNPINNED'), `codes: ${codes.join(', ')}`);
  });

  it('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const command of COMMANDS) assert.ok(commands.includes(command), command);
  });
});
