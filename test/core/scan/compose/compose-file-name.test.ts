import { describe, expect, it } from 'vitest';
import { isComposeFileName, isComposeLikeFileName } from '../../../../src/core/scan/compose';

describe('compose file names', () => {
  it('are the ones compose-go discovers, override files included', () => {
    for (const name of ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml']) {
      expect(isComposeFileName(name)).toBe(true);
      expect(isComposeFileName(name.replace('.y', '.override.y'))).toBe(true);
    }
  });

  it('are not other YAML files, nor variants Compose does not discover by itself', () => {
    for (const name of [
      'compose.prod.yaml',
      'Compose.yaml',
      'docker-compose.json',
      'compose.yaml.bak',
      'values.yaml',
    ]) {
      expect(isComposeFileName(name)).toBe(false);
    }
  });

  it('include compose*.y*ml names a user passes explicitly', () => {
    for (const name of ['compose.prod.yaml', 'compose-dev.yml', 'docker-compose.ci.yml', 'compose.override.yaml']) {
      expect(isComposeLikeFileName(name)).toBe(true);
    }
    for (const name of ['my-compose.yml', 'compose.json', 'compose.yaml.orig'])
      expect(isComposeLikeFileName(name)).toBe(false);
  });
});
