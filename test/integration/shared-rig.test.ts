import { describe, expect, it } from 'vitest';
import { injectRig } from '../rig/inject-rig';
import { rigRequest } from '../rig/rig-http';

describe('the shared rig from globalSetup', () => {
  it('reaches the test file with registries that answer', async () => {
    const rig = injectRig();
    expect((await rigRequest(`${rig.registries.http.url}/v2/`)).status).toBe(200);
    expect(rig.pushed.some((image) => image.registry === 'token' && image.tag === 'multi')).toBe(true);
  });
});
