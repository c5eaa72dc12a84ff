import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ELECTRON_MAIN, launchPlan } from '../../scripts/electron-launch.mjs';

describe('npm start: Electron or the browser', () => {
  const root = '/src/firedrill';
  const everything = () => true;
  it('launches electron with the built main and passes the arguments on', () => {
    expect(launchPlan({ root, args: ['--port', '0'], electron: { binary: '/e/electron' }, built: everything })).toEqual({ mode: 'electron', command: '/e/electron', args: [join(root, ELECTRON_MAIN), '--port', '0'] });
  });
  it('falls back to the browser, saying why, without the binary', () => {
    expect(launchPlan({ root, args: [], electron: { reason: "Electron's binary is not installed here" }, built: everything })).toEqual({ mode: 'browser', reason: "Electron's binary is not installed here" });
  });
  it('falls back when the shell or the UI is not built', () => {
    const plan = launchPlan({ root, args: [], electron: { binary: '/e/electron' }, built: (path) => !path.endsWith('main.js') });
    expect(plan).toMatchObject({ mode: 'browser', reason: expect.stringContaining('dist/electron/main.js') });
    const noUi = launchPlan({ root, args: [], electron: { binary: '/e/electron' }, built: (path) => !path.endsWith('index.html') });
    expect(noUi).toMatchObject({ mode: 'browser', reason: expect.stringContaining('dist/renderer/index.html') });
  });
});

describe('npm run dist offline', () => {
  it("recognises electron-builder's failed download", async () => {
    const { isOfflineFailure } = await import('../../scripts/dist.mjs');
    expect(isOfflineFailure('  ⨯ getaddrinfo ENOTFOUND github.com  failedTask=build stackTrace=RequestError')).toBe(true);
    expect(isOfflineFailure('connect ECONNREFUSED 127.0.0.1:9')).toBe(true);
    expect(isOfflineFailure('  ⨯ Application entry file "dist/electron/main.js" does not exist')).toBe(false);
  });
});
