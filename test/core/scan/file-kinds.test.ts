import { describe, expect, it } from 'vitest';
import { kindOfDiscoveredFile, kindOfNamedFile } from '../../../src/core/scan/file-kinds';

describe('kindOfDiscoveredFile', () => {
  it.each(['Dockerfile', 'dockerfile', 'Containerfile', 'Dockerfile.prod', 'api.Dockerfile', 'base.containerfile'])(
    'takes %s as a Dockerfile',
    (name) => expect(kindOfDiscoveredFile(name)).toBe('dockerfile'),
  );

  it.each([
    'compose.yaml',
    'compose.yml',
    'docker-compose.yaml',
    'docker-compose.yml',
    'compose.override.yaml',
    'docker-compose.override.yml',
  ])('takes %s as a compose file', (name) => expect(kindOfDiscoveredFile(name)).toBe('compose'));

  it.each(['Dockerfile.dockerignore', 'README.md', 'Dockerfile.md', 'values.yaml', 'compose.prod.yaml', 'x.ts'])(
    'leaves %s alone',
    (name) => expect(kindOfDiscoveredFile(name)).toBeNull(),
  );
});

describe('kindOfNamedFile', () => {
  it('takes any YAML named on the command line as compose, and anything else as a Dockerfile', () => {
    expect(kindOfNamedFile('compose.prod.yaml')).toBe('compose');
    expect(kindOfNamedFile('stack.YML')).toBe('compose');
    expect(kindOfNamedFile('build/recipe')).toBe('dockerfile');
  });
});
