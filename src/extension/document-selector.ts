import type * as vscode from 'vscode';

/** The names Docker, BuildKit and Compose look for; kept in step with package.json's activation events. */
export const SCANNABLE_GLOB =
  '**/{Dockerfile,Containerfile,*.Dockerfile,*.dockerfile,Dockerfile.*,Containerfile.*,compose.yaml,compose.yml,docker-compose.yaml,docker-compose.yml,compose.override.yaml,compose.override.yml,docker-compose.override.yaml,docker-compose.override.yml}';

export const DOCUMENT_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', language: 'dockerfile' },
  { scheme: 'file', language: 'dockercompose' },
  { scheme: 'file', pattern: SCANNABLE_GLOB },
];
