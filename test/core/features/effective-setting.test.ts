import { describe, expect, it } from 'vitest';
import { effectiveSetting } from '../../../src/core/features/effective-setting';

const scopes = { defaultValue: [], globalValue: ['user:5000'], workspaceValue: ['evil:5000'] };

describe('effectiveSetting', () => {
  it('takes the workspace value in a trusted workspace', () => {
    expect(effectiveSetting('insecureRegistries', scopes, [], true)).toEqual(['evil:5000']);
  });

  it("ignores a workspace's weakening value in Restricted Mode, keeping the user's", () => {
    expect(effectiveSetting('insecureRegistries', scopes, [], false)).toEqual(['user:5000']);
    expect(effectiveSetting('caFiles', { workspaceFolderValue: ['/repo/ca.pem'] }, [], false)).toEqual([]);
    const servers = { globalValue: { 'r.example': 'https://mine' }, workspaceValue: { 'r.example': 'https://evil' } };
    expect(effectiveSetting<Record<string, string>>('notaryServers', servers, {}, false)).toEqual({
      'r.example': 'https://mine',
    });
  });

  it('keeps workspace values that cannot weaken checks in Restricted Mode', () => {
    expect(effectiveSetting('offline', { defaultValue: false, workspaceValue: true }, false, false)).toBe(true);
  });
});
