import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { runInNewContext } from 'node:vm';
import { preloadOptions } from '../../scripts/build-electron.mjs';
import { BRIDGE_KEY, channel, type FiredrillBridge } from '../../electron/ipc/contract.js';

// The preload bundled as scripts/build-electron.mjs bundles it, then run in a bare VM context
// with a fake 'electron' module: the real contextBridge and ipcRenderer need the binary.

async function bundle(): Promise<string> {
  const result = await build({ ...preloadOptions, write: false, outfile: 'preload.cjs' });
  expect(result.outputFiles).toHaveLength(1);
  return result.outputFiles[0]!.text;
}

describe('the preload bundle', () => {
  it('is one CommonJS file whose only require is "electron"', async () => {
    const code = await bundle();
    const requires = [...code.matchAll(/\brequire\(\s*([^)]*)\)/g)].map((match) => match[1]!.trim());
    expect(requires.length).toBeGreaterThan(0);
    expect(new Set(requires)).toEqual(new Set(['"electron"']));
    expect(code).not.toMatch(/\bimport\s*\(|^\s*import\s|^\s*export\s/m);
  });

  it('exposes one object, no raw ipcRenderer, and listeners that get the payload only and unsubscribe', async () => {
    const code = await bundle();
    const exposed: Record<string, unknown> = {};
    const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
    const invoked: unknown[][] = [];
    const ipcRenderer = {
      invoke: async (...args: unknown[]) => {
        invoked.push(args);
        return { id: 'ipc-1', ok: true, result: { sessions: [] } };
      },
      on: (name: string, listener: (...args: unknown[]) => void) => void (listeners.get(name) ?? listeners.set(name, new Set()).get(name)!).add(listener),
      removeListener: (name: string, listener: (...args: unknown[]) => void) => void listeners.get(name)?.delete(listener),
    };
    const electron = { contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) }, ipcRenderer };
    const module = { exports: {} };
    runInNewContext(code, { require: (name: string) => (name === 'electron' ? electron : undefined), module, exports: module.exports, process: { platform: 'linux' } });

    expect(Object.keys(exposed)).toEqual([BRIDGE_KEY]);
    const bridge = exposed[BRIDGE_KEY] as FiredrillBridge;
    expect(bridge.transport).toBe('electron');
    expect(Object.values(bridge)).not.toContain(ipcRenderer);
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/ipc|send|invoke/i);

    await expect(bridge.command('session.list', {})).resolves.toEqual({ sessions: [] });
    expect(invoked[0]).toEqual([channel('command'), { id: 'ipc-1', type: 'session.list', params: {} }]);

    const payloads: unknown[] = [];
    const unsubscribe = bridge.on('session.update', (...args: unknown[]) => void payloads.push(args));
    const fakeEvent = { sender: ipcRenderer, senderId: 0 };
    for (const listener of listeners.get(channel('session.update'))!) listener(fakeEvent, { sessionId: 'S1' });
    expect(payloads).toEqual([[{ sessionId: 'S1' }]]); // never the IpcRendererEvent
    unsubscribe();
    expect(listeners.get(channel('session.update'))!.size).toBe(0);
    expect(() => bridge.on('not-an-event' as never, () => {})).toThrow(/unknown event/);

    // The shell's own invoke channels, each on its channel with its request as given.
    invoked.length = 0;
    await bridge.printPdf({ sessionId: 'S1', what: 'aar', paper: 'letter' });
    await bridge.openProjector('S1');
    await bridge.openFile();
    expect(invoked).toEqual([
      [channel('export.printPdf'), { sessionId: 'S1', what: 'aar', paper: 'letter' }],
      [channel('window.openProjector'), 'S1'],
      [channel('dialog.open')],
    ]);
    // A refusal of the host reaches the page as "<code>: <message>", without Electron's prefix.
    ipcRenderer.invoke = async (...args: unknown[]) => {
      invoked.push(args);
      throw new Error("Error invoking remote method 'firedrill:export.printPdf': Error: not-found: there is no session S9");
    };
    await expect(bridge.printPdf({ sessionId: 'S9', what: 'scorecard', paper: 'a4' })).rejects.toThrow(/^not-found: there is no session S9$/);
    // Every method of the contract's bridge is there, and nothing else.
    expect(Object.keys(bridge).sort()).toEqual(['command', 'on', 'openExternal', 'openFile', 'openProjector', 'platform', 'printPdf', 'request', 'saveFile', 'transport']);
  });
});
