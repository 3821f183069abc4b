import { describe, expect, it } from 'vitest';
import { apiHost, isLoopback, plainHttpAllowed } from '../../../src/core/registry/registry-host';

describe('registry hosts', () => {
  it("serves Docker Hub's API from registry-1.docker.io", () => {
    expect(apiHost('docker.io')).toBe('registry-1.docker.io');
    expect(apiHost('index.docker.io')).toBe('registry-1.docker.io');
    expect(apiHost('Ghcr.io')).toBe('ghcr.io');
  });

  it('allows plain HTTP only to loopback and registries marked insecure', () => {
    expect(isLoopback('127.0.0.1:5000')).toBe(true);
    expect(isLoopback('[::1]:5000')).toBe(true);
    expect(isLoopback('localhost')).toBe(true);
    expect(isLoopback('127.example.com')).toBe(false);
    expect(plainHttpAllowed('registry.lan:5000', [])).toBe(false);
    expect(plainHttpAllowed('registry.lan:5000', ['Registry.lan:5000'])).toBe(true);
    expect(plainHttpAllowed('registry.lan', ['registry.lan:5000'])).toBe(false);
  });
});
