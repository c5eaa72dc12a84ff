import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { SessionView } from '../../engine/protocol/view.js';
import { fileKind, MENU_ACTIONS, type MenuAction } from '../../electron/ipc/contract.js';
import { deadlinesToNotify } from '../../electron/main/deadline-notifications.js';
import { filesFromArgv, OPEN_DIALOG_FILTERS, openedFile } from '../../electron/main/file-args.js';
import { IpcClients } from '../../electron/main/ipc-clients.js';
import { menuTemplate } from '../../electron/main/menu-template.js';
import { MIN_HEIGHT, MIN_WIDTH, parseWindowState, restoreWindowState, type Rectangle } from '../../electron/main/window-state.js';
import { projectorDisplay, projectorUrl } from '../../electron/main/projector-window.js';
import { FileDelivery } from '../../electron/main/opened-files.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const laptop: Rectangle = { x: 0, y: 0, width: 1440, height: 875 };
const projector: Rectangle = { x: 1440, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  it('opens centred on the primary display the first time', () => {
    const state = restoreWindowState(undefined, [laptop]);
    expect(state.maximized).toBe(false);
    expect(state.bounds.width).toBeLessThanOrEqual(laptop.width);
    expect(state.bounds.height).toBeLessThanOrEqual(laptop.height);
    expect(state.bounds.x).toBe(Math.round((laptop.width - state.bounds.width) / 2));
  });
  it('comes back where it was, on the second display', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1200, height: 800 }, maximized: true, fullScreen: false };
    expect(restoreWindowState(saved, [laptop, projector])).toEqual(saved);
  });
  it('comes back on the primary display when the one it was on is gone', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1800, height: 1000 }, maximized: false, fullScreen: false };
    const state = restoreWindowState(saved, [laptop]);
    expect(state.bounds.x).toBeGreaterThanOrEqual(0);
    expect(state.bounds.x + state.bounds.width).toBeLessThanOrEqual(laptop.width);
    expect(state.bounds.y + state.bounds.height).toBeLessThanOrEqual(laptop.height);
  });
  it('pulls a window hanging over an edge back in and keeps the minimum size', () => {
    const state = restoreWindowState({ bounds: { x: 1000, y: -10, width: 200, height: 100 }, maximized: false, fullScreen: false }, [laptop]);
    expect(state.bounds).toEqual({ x: laptop.width - MIN_WIDTH, y: 0, width: MIN_WIDTH, height: MIN_HEIGHT });
  });
  it('reads only a well-formed saved state', () => {
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: true })).toEqual({ bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: true, fullScreen: false });
    for (const junk of [null, 'x', {}, { bounds: { x: 'a', y: 0, width: 1, height: 1 } }, { bounds: { x: NaN, y: 0, width: 1, height: 1 } }]) expect(parseWindowState(junk)).toBeUndefined();
  });
});

describe('files on the command line (first launch and second instance)', () => {
  const cwd = resolve('/home/ana/drills');
  it('keeps scenario, plan and journal files, made absolute, and skips the rest', () => {
    const argv = ['/opt/Firedrill/firedrill', '--no-sandbox', '.', 'ransomware.scenario.yaml', '/tmp/j.jsonl', 'cloud.plan.yml', 'notes.txt', '--inspect=9229', 'j.jsonl', 'ransomware.scenario.yaml'];
    expect(filesFromArgv(argv, cwd)).toEqual([resolve(cwd, 'ransomware.scenario.yaml'), resolve('/tmp/j.jsonl'), resolve(cwd, 'cloud.plan.yml'), resolve(cwd, 'j.jsonl')]);
  });
  it('tells the kinds apart', () => {
    expect(fileKind('a.scenario.yaml')).toBe('scenario');
    expect(fileKind('A.PLAN.YAML')).toBe('plan');
    expect(fileKind('j.jsonl')).toBe('journal');
    expect(fileKind('ours.plan.yml')).toBe('plan');
    expect(fileKind('drill.yml')).toBe('scenario');
    expect(fileKind('x.json')).toBeNull();
    expect(openedFile('/x/y/a.scenario.yaml', 'text')).toEqual({ kind: 'scenario', fileName: 'a.scenario.yaml', text: 'text' });
    expect(openedFile('/x/y/a.exe', 'text')).toBeNull();
  });
});

describe('the application menu', () => {
  const sent: MenuAction[] = [];
  const build = (platform: NodeJS.Platform) => menuTemplate({ platform, appName: 'Firedrill', send: (action) => void sent.push(action) });
  const submenu = (items: MenuItemConstructorOptions[], label: string) => items.find((item) => item.label?.replace('&', '') === label)?.submenu as MenuItemConstructorOptions[];
  const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();

  it('has File, Edit, View, Window and Help (and the app menu on macOS)', () => {
    expect(build('linux').map((item) => item.label?.replace('&', ''))).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(build('darwin').map((item) => item.label?.replace('&', ''))).toEqual(['Firedrill', 'File', 'Edit', 'View', 'Window', 'Help']);
  });
  it('File: new session, open scenario, import, exports; each sends its action', () => {
    const file = submenu(build('win32'), 'File');
    const labels = file.filter((item) => item.label).map((item) => item.label);
    expect(labels).toEqual(['New Session…', 'Open Scenario…', 'Import Scenario or Plan…', 'Export Scorecard…', 'Export After-Action Report…']);
    sent.length = 0;
    for (const item of file.filter((entry) => entry.click)) click(item);
    expect(sent).toEqual(['session.new', 'scenario.open', 'library.import', 'export.scorecard', 'export.aar']);
    expect(file.find((item) => item.label === 'New Session…')?.accelerator).toBe('CmdOrCtrl+N');
    expect(file.some((item) => item.role === 'quit')).toBe(true);
  });
  it('View: projector mode, theme, zoom, fullscreen; no dev tools when packaged', () => {
    const view = submenu(build('linux'), 'View');
    sent.length = 0;
    click(view.find((item) => item.label === 'Projector Mode'));
    const theme = view.find((item) => item.label === 'Theme')!.submenu as MenuItemConstructorOptions[];
    theme.forEach(click);
    expect(sent).toEqual(['view.projector', 'view.theme.system', 'view.theme.light', 'view.theme.dark']);
    expect(view.map((item) => item.role).filter(Boolean)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const dev = menuTemplate({ platform: 'linux', appName: 'Firedrill', send: () => {}, isDev: true });
    expect(submenu(dev, 'View').some((item) => item.role === 'toggleDevTools')).toBe(true);
  });
  it('Help: the guide, and About outside macOS', () => {
    sent.length = 0;
    submenu(build('linux'), 'Help').forEach(click);
    expect(sent).toEqual(['help.guide', 'help.about']);
  });
  it('sends only actions of the contract', () => {
    sent.length = 0;
    const walk = (items: MenuItemConstructorOptions[]): void => items.forEach((item) => (item.click ? click(item) : Array.isArray(item.submenu) && walk(item.submenu)));
    walk(build('darwin'));
    for (const action of sent) expect(MENU_ACTIONS).toContain(action);
  });
});

describe('deadline notifications', () => {
  const view = (overrides: Partial<SessionView> = {}): SessionView => ({
    sessionId: 'S1', name: null, scenarioId: 'sc', scenarioTitle: 'Stolen API keys', planId: 'p', mode: 'facilitated', participants: {},
    now: 10 * 60_000, paused: false, speed: 2, phase: null, milestones: {}, severity: null,
    deadlines: [
      { id: 'severity', title: 'Declare severity', dueAt: 13 * 60_000, passed: false, metAt: null },
      { id: 'duty:regulator', title: 'Notify the regulator', dueAt: 60 * 60_000, passed: false, metAt: null },
      { id: 'duty:police', title: 'Report to police', dueAt: 11 * 60_000, passed: false, metAt: 5 * 60_000 },
      { id: 'duty:late', title: 'Already late', dueAt: 9 * 60_000, passed: true, metAt: null },
    ],
    injects: [], openDecisions: [], actionsTaken: [], nextStop: null, completeAt: null, ended: null, observations: [], observationCount: 0, journalLength: 3,
    ...overrides,
  });
  const context = { focused: false, leadWallMs: 2 * 60_000, announced: new Set<string>() };
  it('announces an unmet deadline due within the lead (wall time × speed) while in the background', () => {
    const notices = deadlinesToNotify(view(), context);
    expect(notices.map((notice) => notice.key)).toEqual(['S1:severity']);
    expect(notices[0]!.title).toBe('Declare severity: due in 3 simulated min');
    expect(notices[0]!.body).toContain('2 min of real time left at ×2');
  });
  it('says nothing when a window is focused, when paused, after the end, or twice', () => {
    expect(deadlinesToNotify(view(), { ...context, focused: true })).toEqual([]);
    expect(deadlinesToNotify(view({ paused: true }), context)).toEqual([]);
    expect(deadlinesToNotify(view({ ended: { at: 1, reason: 'done' } }), context)).toEqual([]);
    expect(deadlinesToNotify(view(), { ...context, announced: new Set(['S1:severity']) })).toEqual([]);
  });
  it('scales the lead with the speed', () => {
    expect(deadlinesToNotify(view({ speed: 1 }), context)).toEqual([]); // 3 simulated min > 2 wall min at x1
    expect(deadlinesToNotify(view({ speed: 30 }), context).map((notice) => notice.key)).toEqual(['S1:severity', 'S1:duty:regulator']);
  });
});

/** Holdings that count the holders of each session, and note a session nobody holds any more. */
function countingHoldings() {
  const holders = new Map<string, Set<unknown>>();
  const left: string[] = [];
  const holdings = {
    hold: (sessionId: string, holder: unknown) => void holders.set(sessionId, (holders.get(sessionId) ?? new Set()).add(holder)),
    letGo: (sessionId: string, holder: unknown) => {
      holders.get(sessionId)?.delete(holder);
      if ((holders.get(sessionId)?.size ?? 0) === 0) left.push(sessionId);
    },
  };
  return { holdings, left };
}

describe('windows leaving sessions', () => {
  it('each window holds the sessions it has open, and lets go of them when it closes or leaves them', () => {
    const { holdings, left } = countingHoldings();
    const clients = new IpcClients(() => holdings);
    const send = () => {};
    clients.client(1, send).join('S1');
    clients.client(1, send).join('S2');
    clients.client(2, send).join('S1');
    clients.remove(1);
    expect(left).toEqual(['S2']);
    clients.client(2, send).leave('S1');
    expect(left).toEqual(['S2', 'S1']);
    clients.remove(3);
    expect(left).toEqual(['S2', 'S1']);
  });

  it('lets go of a session opened for a window that closed while it was being opened', () => {
    const { holdings, left } = countingHoldings();
    const clients = new IpcClients(() => holdings);
    const client = clients.client(7, () => {});
    clients.remove(7); // the window closes; session.open is still replaying the journal
    client.join('S9');
    expect(left).toEqual(['S9']);
    expect(clients.openSessions().size).toBe(0);
  });
});

describe('the projector window', () => {
  it('shows the session at the app\'s projector route, its id encoded', () => {
    expect(projectorUrl('20260314-090000-abc123')).toBe('app://firedrill/index.html?view=projector&session=20260314-090000-abc123');
    expect(projectorUrl('a&b')).toBe('app://firedrill/index.html?view=projector&session=a%26b');
  });
  it('goes to another display than the primary one when there is one', () => {
    expect(projectorDisplay([{ id: 1 }, { id: 2 }], 1)).toEqual({ id: 2 });
    expect(projectorDisplay([{ id: 1 }], 1)).toEqual({ id: 1 });
    expect(projectorDisplay([], 1)).toBeUndefined();
  });
});

describe('files handed to the app', () => {
  it('are queued until the main window is there, then delivered in order; one that cannot be read is reported and the others still go', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firedrill-opened-'));
    try {
      writeFileSync(join(dir, 'a.scenario.yaml'), 'format: firedrill-scenario/1\n');
      writeFileSync(join(dir, 'b.jsonl'), '{}\n');
      const sent: string[] = [];
      const failed: string[] = [];
      const delivery = new FileDelivery({ send: (file) => void sent.push(`${file.kind}:${file.fileName}`), failed: (path) => void failed.push(path) });
      delivery.queue([join(dir, 'a.scenario.yaml'), join(dir, 'missing.plan.yaml')]);
      expect(sent).toEqual([]);
      await delivery.flush([join(dir, 'b.jsonl'), join(dir, 'notes.txt')]);
      expect(sent).toEqual(['scenario:a.scenario.yaml', 'journal:b.jsonl']);
      expect(failed).toEqual([join(dir, 'missing.plan.yaml')]);
      await delivery.flush();
      expect(sent).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('the Open dialog offers the extensions the app reads', () => {
    expect(OPEN_DIALOG_FILTERS.flatMap((filter) => filter.extensions).map((ext) => fileKind(`x.${ext}`))).not.toContain(null);
  });
});
