import * as vscode from 'vscode';
import type { SecretCredentials } from './secret-credentials';

/** A registry is named as in an image reference: host, or host:port. */
const REGISTRY_NAME = /^[a-z0-9.-]+(:\d{1,5})?$/i;

function validRegistry(value: string): string | undefined {
  return REGISTRY_NAME.test(value.trim()) ? undefined : 'a registry host, e.g. ghcr.io or registry.example:5000';
}

const required = (what: string) => (value: string) => (value.trim() === '' ? `${what} is required` : undefined);

/** "Sign in to registry": asks the registry, the user name and a token (masked), and keeps them in SecretStorage. */
export function signInCommand(credentials: SecretCredentials, changed: () => void) {
  return async () => {
    const registry = await vscode.window.showInputBox({
      title: 'Image Trust: Sign in to registry',
      prompt: 'Registry',
      placeHolder: 'ghcr.io',
      validateInput: validRegistry,
      ignoreFocusOut: true,
    });
    if (!registry) return;
    const username = await vscode.window.showInputBox({
      prompt: `User name for ${registry}`,
      validateInput: required('A user name'),
      ignoreFocusOut: true,
    });
    if (!username) return;
    const secret = await vscode.window.showInputBox({
      prompt: `Password or access token for ${username} on ${registry}`,
      password: true,
      validateInput: required('A password or token'),
      ignoreFocusOut: true,
    });
    if (!secret) return;
    await credentials.signIn(registry, username.trim(), secret);
    changed();
    void vscode.window.showInformationMessage(`Image Trust: signed in to ${registry} as ${username.trim()}.`);
  };
}

/** "Sign out of registry": removes a login this extension stored (the Docker config is left alone). */
export function signOutCommand(credentials: SecretCredentials, changed: () => void) {
  return async () => {
    const registries = credentials.registries();
    if (registries.length === 0) {
      void vscode.window.showInformationMessage('Image Trust: no registry is signed in from VS Code.');
      return;
    }
    const registry = await vscode.window.showQuickPick(registries, { title: 'Image Trust: Sign out of registry' });
    if (!registry) return;
    await credentials.signOut(registry);
    changed();
    void vscode.window.showInformationMessage(`Image Trust: signed out of ${registry}.`);
  };
}
