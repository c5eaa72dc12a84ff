import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The layer rules live in eslint.config.js; these tests prove they bite.
const eslint = new ESLint({ cwd: process.cwd() });
const ruleIds = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => m.ruleId);

describe('layer boundaries', () => {
  it('the engine may not import Node, React, Electron or the layers above it', async () => {
    for (const specifier of ['node:fs', 'fs', 'path', 'react', 'electron', '../host/cli/main.js', '../renderer/app.js']) {
      expect(await ruleIds('engine/example.ts', `import x from '${specifier}';\nexport default x;\n`), specifier).toContain('no-restricted-imports');
    }
  });

  it('the engine may not read the wall clock or touch the DOM', async () => {
    expect(await ruleIds('engine/example.ts', 'export const now = Date.now();\n')).toContain('no-restricted-properties');
    expect(await ruleIds('engine/example.ts', 'export const t = setTimeout(() => 0, 1);\n')).toContain('no-restricted-globals');
    expect(await ruleIds('engine/example.ts', 'export const d = document.title;\n')).toContain('no-restricted-globals');
  });

  it('the engine may import its own modules and pure libraries', async () => {
    expect(await ruleIds('engine/example.ts', "import { z } from 'zod';\nimport { parseDuration } from './format/duration.js';\nexport const s = [z, parseDuration];\n")).toEqual([]);
  });

  it('the host never imports Electron or the renderer', async () => {
    expect(await ruleIds('host/example.ts', "import { app } from 'electron';\nexport default app;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('host/example.ts', "import x from '../renderer/app.js';\nexport default x;\n")).toContain('no-restricted-imports');
  });

  it('the renderer imports the engine and the IPC contract, never Electron, Node, the host or the main process', async () => {
    for (const [specifier, name] of [["'electron'", 'ipcRenderer'], ["'node:fs'", 'readFileSync'], ["'../../host/server/server.js'", 'startServer'], ["'../../electron/main/ipc-clients.js'", 'IpcClients']]) {
      expect(await ruleIds('renderer/client/example.ts', `import { ${name} } from ${specifier};\nexport default ${name};\n`), specifier).toContain('no-restricted-imports');
    }
    expect(await ruleIds('renderer/client/example.ts', "import { MENU_ACTIONS } from '../../electron/ipc/contract.js';\nexport default MENU_ACTIONS;\n")).not.toContain('no-restricted-imports');
  });
});
