// @vitest-environment jsdom
import './setup.js';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../engine/protocol/limits.js';
import { serializeEntry } from '../../engine/session/journal.js';
import { parseRoute } from '../../renderer/app/route.js';
import { importProblem } from '../../renderer/app/import-file.js';
import { currentSessionId, EXPORT_HEADING_ID, ShellBridge } from '../../renderer/app/ShellBridge.js';
import type { RendererBridge, ShellEvents, ShellOpenedFile } from '../../renderer/client/firedrill-bridge.js';
import { CommandError } from '../../renderer/client/session-client.js';
import { fakeClient, type FakeClient } from './fake-client.js';
import { renderWithApp } from './render-app.js';

// The shell's events in the renderer: menu actions and files opened by the system (in Electron,
// through a fake window.firedrill), and files dropped on the window (in Electron and a browser).

const SCENARIO = 'public-test-bucket';

interface FakeShell extends RendererBridge {
  emit<E extends keyof ShellEvents>(event: E, payload: ShellEvents[E]): void;
  listeners(event: keyof ShellEvents): number;
}

function fakeShell(opened: ShellOpenedFile | null = null): FakeShell {
  const listeners = new Map<string, Set<(payload: never) => void>>();
  return {
    transport: 'electron',
    platform: 'linux',
    request: vi.fn(),
    on: (event, listener) => {
      const set = listeners.get(event) ?? listeners.set(event, new Set()).get(event)!;
      set.add(listener as (payload: never) => void);
      return () => void set.delete(listener as (payload: never) => void);
    },
    openExternal: vi.fn(async () => true),
    saveFile: vi.fn(async () => ({ saved: null })),
    openFile: vi.fn(async () => opened),
    openProjector: vi.fn(async () => {}),
    printPdf: vi.fn(async () => ({ saved: null })),
    emit: (event, payload) => act(() => {
      for (const listener of listeners.get(event) ?? []) listener(payload as never);
    }),
    listeners: (event) => listeners.get(event)?.size ?? 0,
  };
}

/** A stand-in for the debrief: its export section appears once the scorecard has "loaded". */
function FakeScreens() {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const onChange = () => {
      setLoaded(false);
      setRoute(parseRoute(window.location.hash));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  useEffect(() => {
    if (route.name !== 'debrief') return;
    const timer = setTimeout(() => setLoaded(true), 20);
    return () => clearTimeout(timer);
  }, [route]);
  if (route.name !== 'debrief') return <p>{route.name}</p>;
  return loaded ? <section><h1>Debrief {route.sessionId}</h1><h2 id={EXPORT_HEADING_ID}>Export</h2></section> : <p>Building the scorecard…</p>;
}

/** A journal of an ended drill, as another Firedrill wrote it. */
async function endedJournal(): Promise<{ sessionId: string; text: string }> {
  const other = fakeClient();
  const { sessionId } = await other.send('session.create', { scenarioId: SCENARIO, mode: 'solo', speed: 1, participants: {} });
  other.advance(50 * 60_000);
  await other.send('session.end', { sessionId, reason: 'done' });
  return { sessionId, text: other.session().journal.map((entry) => `${serializeEntry(entry)}\n`).join('') };
}

const hashIs = (hash: string) => waitFor(() => expect(window.location.hash).toBe(hash));

function renderShell(client: FakeClient = fakeClient()) {
  return renderWithApp(<><FakeScreens /><ShellBridge /></>, client);
}

beforeEach(() => {
  window.location.hash = '#/library';
});
afterEach(() => {
  delete window.firedrill;
  vi.unstubAllGlobals();
});

describe('menu actions (Electron)', () => {
  it('listens to the shell only in Electron, and stops when unmounted', () => {
    const shell = fakeShell();
    window.firedrill = shell;
    const { unmount } = renderShell();
    expect(shell.listeners('menu.action')).toBe(1);
    expect(shell.listeners('file.opened')).toBe(1);
    unmount();
    expect(shell.listeners('menu.action')).toBe(0);
    expect(shell.listeners('file.opened')).toBe(0);
  });

  it('New Session goes to the library', async () => {
    const shell = fakeShell();
    window.firedrill = shell;
    window.location.hash = '#/session/S-1';
    renderShell();
    shell.emit('menu.action', { action: 'session.new' });
    await hashIs('#/library');
  });

  it('Open Scenario asks main for a file, imports it and goes to its setup; a cancelled dialog does nothing', async () => {
    const client = fakeClient();
    client.override('library.import', () => ({ kind: 'scenario', id: 'my-drill', file: 'my-drill.scenario.yaml' }));
    const shell = fakeShell({ kind: 'scenario', fileName: 'my-drill.scenario.yaml', text: 'format: firedrill-scenario/1\n' });
    window.firedrill = shell;
    const { store } = renderShell(client);
    shell.emit('menu.action', { action: 'scenario.open' });
    await hashIs('#/setup/my-drill');
    expect(shell.openFile).toHaveBeenCalledTimes(1);
    expect(client.calls.find((call) => call.type === 'library.import')?.params).toEqual({ fileName: 'my-drill.scenario.yaml', text: 'format: firedrill-scenario/1\n' });
    expect(store.getState().problem).toBe('Imported scenario "my-drill" into your library from my-drill.scenario.yaml.');
    await waitFor(() => expect(store.getState().listing).not.toBeNull()); // the library on screen is refreshed

    vi.mocked(shell.openFile).mockResolvedValueOnce(null);
    const before = client.calls.length;
    shell.emit('menu.action', { action: 'library.import' });
    await waitFor(() => expect(shell.openFile).toHaveBeenCalledTimes(2));
    expect(client.calls.length).toBe(before);
  });

  it('Import Scenario or Plan stays on the library, and says why a file did not import', async () => {
    const client = fakeClient();
    client.override('library.import', () => {
      throw new CommandError({ code: 'invalid-file', message: 'bad.scenario.yaml has 1 error; nothing was imported', errors: [{ file: 'bad.scenario.yaml', line: 88, column: 15, path: 'injects[3].when.inject', message: 'unknown inject "INJ-9"' }] });
    });
    const shell = fakeShell({ kind: 'scenario', fileName: 'bad.scenario.yaml', text: 'x' });
    window.firedrill = shell;
    const { store } = renderShell(client);
    shell.emit('menu.action', { action: 'library.import' });
    await waitFor(() => expect(store.getState().problem).toContain('bad.scenario.yaml:88:15 injects[3].when.inject: unknown inject "INJ-9"'));
    expect(store.getState().problem).toMatch(/^bad\.scenario\.yaml was not imported: bad\.scenario\.yaml has 1 error/);
    expect(window.location.hash).toBe('#/library');
  });

  it('Export Scorecard and Export AAR go to the debrief of the session on screen and focus its export section', async () => {
    const shell = fakeShell();
    window.firedrill = shell;
    window.location.hash = '#/session/S-1';
    renderShell();
    shell.emit('menu.action', { action: 'export.scorecard' });
    await hashIs('#/debrief/S-1');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('id', EXPORT_HEADING_ID));
    expect(screen.getByRole('heading', { name: 'Export' })).toHaveAttribute('tabindex', '-1');

    // Already on that debrief: the section is focused again at once.
    (document.activeElement as HTMLElement).blur();
    shell.emit('menu.action', { action: 'export.aar' });
    expect(document.activeElement).toHaveAttribute('id', EXPORT_HEADING_ID);
  });

  it('goes to the debrief of the session open in the store when the screen shows none, and focuses its export section once it loads', async () => {
    const shell = fakeShell();
    window.firedrill = shell;
    window.location.hash = '#/debrief/S-1';
    const { store, client } = renderShell();
    await screen.findByRole('heading', { name: 'Debrief S-1' });
    const { sessionId } = await client.send('session.create', { scenarioId: SCENARIO, mode: 'solo', speed: 1, participants: {} });
    // Another session is open (the store's view), and the library is on screen.
    store.getState().setView((await client.send('session.open', { sessionId })).view);
    act(() => void (window.location.hash = '#/library'));
    await screen.findByText('library');
    shell.emit('menu.action', { action: 'export.aar' });
    await hashIs(`#/debrief/${sessionId}`);
    await screen.findByRole('heading', { name: `Debrief ${sessionId}` });
    await waitFor(() => expect(document.activeElement).toHaveAttribute('id', EXPORT_HEADING_ID));
  });

  it('Export without a session on screen says what to do', async () => {
    const shell = fakeShell();
    window.firedrill = shell;
    const { store } = renderShell();
    shell.emit('menu.action', { action: 'export.scorecard' });
    expect(store.getState().problem).toBe('Open a session first: the scorecard is exported from its debrief.');
    expect(window.location.hash).toBe('#/library');
  });

  it('Projector Mode opens the projector window of the session on screen', async () => {
    const shell = fakeShell();
    window.firedrill = shell;
    window.location.hash = '#/session/S-7';
    const { store } = renderShell();
    shell.emit('menu.action', { action: 'view.projector' });
    await waitFor(() => expect(shell.openProjector).toHaveBeenCalledWith('S-7'));

    vi.mocked(shell.openProjector).mockRejectedValueOnce(new Error('no display'));
    shell.emit('menu.action', { action: 'view.projector' });
    await waitFor(() => expect(store.getState().problem).toBe('The projector window could not be opened: no display'));
  });

  it('sets the theme: Light and Dark, and System following prefers-color-scheme as it changes', () => {
    let dark = true;
    const changeListeners = new Set<() => void>();
    vi.stubGlobal('matchMedia', (query: string) => ({
      media: query,
      get matches() {
        return dark;
      },
      addEventListener: (_type: string, listener: () => void) => void changeListeners.add(listener),
      removeEventListener: (_type: string, listener: () => void) => void changeListeners.delete(listener),
    }));
    const shell = fakeShell();
    window.firedrill = shell;
    const { store } = renderShell();
    // The shell's View › Theme starts on System.
    expect(store.getState().theme).toBe('dark');
    act(() => {
      dark = false;
      for (const listener of changeListeners) listener();
    });
    expect(store.getState().theme).toBe('light');

    shell.emit('menu.action', { action: 'view.theme.dark' });
    expect(store.getState().theme).toBe('dark');
    act(() => {
      for (const listener of changeListeners) listener();
    });
    expect(store.getState().theme).toBe('dark'); // a chosen theme no longer follows the system

    shell.emit('menu.action', { action: 'view.theme.system' });
    expect(store.getState().theme).toBe('light');
    shell.emit('menu.action', { action: 'view.theme.light' });
    expect(store.getState().theme).toBe('light');
  });

  it('shows About and the guide from the Help menu', async () => {
    const shell = fakeShell();
    window.firedrill = shell;
    renderShell();
    shell.emit('menu.action', { action: 'help.about' });
    expect(await screen.findByRole('dialog', { name: 'About Firedrill' })).toHaveTextContent('linux');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    shell.emit('menu.action', { action: 'help.guide' });
    expect(await screen.findByRole('dialog', { name: 'Firedrill guide' })).toHaveTextContent('Projector Mode');
  });
});

describe('files opened by the system (file.opened)', () => {
  it('imports a drill journal as a session and shows its debrief', async () => {
    const journal = await endedJournal();
    const client = fakeClient();
    const shell = fakeShell();
    window.firedrill = shell;
    const { store } = renderShell(client);
    shell.emit('file.opened', { kind: 'journal', fileName: `${journal.sessionId}.jsonl`, text: journal.text });
    await hashIs(`#/debrief/${journal.sessionId}`);
    expect(client.calls.find((call) => call.type === 'session.import')?.params).toEqual({ fileName: `${journal.sessionId}.jsonl`, text: journal.text });
    expect(store.getState().problem).toBe(`Imported the drill ${journal.sessionId} (${SCENARIO}) from ${journal.sessionId}.jsonl.`);
  });

  it('shows the line of a damaged journal in the status line, and stays put', async () => {
    const journal = await endedJournal();
    const lines = journal.text.split('\n');
    lines[1] = '{"seq":2,';
    const shell = fakeShell();
    window.firedrill = shell;
    const { store } = renderShell();
    shell.emit('file.opened', { kind: 'journal', fileName: 'drill.jsonl', text: lines.join('\n') });
    await waitFor(() => expect(store.getState().problem).toBe('drill.jsonl was not imported: drill.jsonl is damaged: line 2: not valid JSON; nothing was imported — drill.jsonl:2:1 not valid JSON'));
    expect(window.location.hash).toBe('#/library');
  });

  it('imports a plan into the library and shows the library', async () => {
    const client = fakeClient();
    client.override('library.import', () => ({ kind: 'plan', id: 'our-plan', file: 'our-plan.plan.yaml' }));
    const shell = fakeShell();
    window.firedrill = shell;
    window.location.hash = '#/session/S-1';
    renderShell(client);
    shell.emit('file.opened', { kind: 'plan', fileName: 'our-plan.plan.yaml', text: 'format: firedrill-plan/1\n' });
    await hashIs('#/library');
  });

  it('refuses a file larger than the protocol takes, without sending it', async () => {
    const client = fakeClient();
    const shell = fakeShell();
    window.firedrill = shell;
    const { store } = renderShell(client);
    shell.emit('file.opened', { kind: 'journal', fileName: 'huge.jsonl', text: 'x'.repeat(MAX_IMPORT_BYTES + 1) });
    expect(store.getState().problem).toBe('huge.jsonl was not imported: it is larger than 2 MB, the most Firedrill imports');
    expect(client.calls.map((call) => call.type)).not.toContain('session.import');
  });
});

describe('dropping files on the window (browser and Electron)', () => {
  const drag = (type: 'dragEnter' | 'dragOver' | 'dragLeave' | 'drop', files: unknown[] = []) =>
    fireEvent[type](window, { dataTransfer: { types: ['Files'], files, dropEffect: 'none' } });

  it('shows a labelled overlay while files are dragged over the window, not for dragged text', () => {
    renderShell();
    fireEvent.dragEnter(window, { dataTransfer: { types: ['text/plain'], files: [] } });
    expect(screen.queryByText('Drop to import')).not.toBeInTheDocument();
    drag('dragEnter');
    drag('dragEnter'); // entering a child element
    expect(screen.getByRole('status')).toHaveTextContent('Drop to import');
    expect(screen.getByRole('status')).toHaveTextContent('a scenario or plan (.yaml, .yml) into the library, or a drill journal (.jsonl) into your sessions');
    drag('dragLeave');
    expect(screen.getByText('Drop to import')).toBeInTheDocument();
    drag('dragLeave');
    expect(screen.queryByText('Drop to import')).not.toBeInTheDocument();
  });

  it('accepts the drop (dragover prevented) and imports a dropped journal, in a browser', async () => {
    const journal = await endedJournal();
    const client = fakeClient();
    renderShell(client);
    drag('dragEnter');
    expect(drag('dragOver')).toBe(false); // default prevented: the window takes the drop
    drag('drop', [new File([journal.text], `${journal.sessionId}.jsonl`)]);
    expect(screen.queryByText('Drop to import')).not.toBeInTheDocument();
    await hashIs(`#/debrief/${journal.sessionId}`);
    expect(client.calls.find((call) => call.type === 'session.import')?.params).toEqual({ fileName: `${journal.sessionId}.jsonl`, text: journal.text });
  });

  it('imports a dropped scenario in Electron too, and goes to its setup', async () => {
    window.firedrill = fakeShell();
    const client = fakeClient();
    client.override('library.import', (params) => ({ kind: 'scenario', id: 'dropped', file: params.fileName }));
    renderShell(client);
    drag('drop', [new File(['format: firedrill-scenario/1\n'], 'dropped.yml')]);
    await hashIs('#/setup/dropped');
  });

  it('refuses a file of another kind, and a file too large, without reading it', async () => {
    const client = fakeClient();
    const { store } = renderShell(client);
    drag('drop', [new File(['hello'], 'notes.md')]);
    await waitFor(() => expect(store.getState().problem).toBe('notes.md is not a file Firedrill imports: drop a scenario or plan (.yaml, .yml) or a drill journal (.jsonl)'));
    // A pack or an MSEL spreadsheet dropped: where it is imported instead.
    drag('drop', [new File(['PK'], 'exercise.firedrill')]);
    await waitFor(() => expect(store.getState().problem).toBe('exercise.firedrill is not a file Firedrill imports: drop a scenario or plan (.yaml, .yml) or a drill journal (.jsonl); a pack (.firedrill) imports with "Import a pack" in the Studio'));
    drag('drop', [new File(['PK'], 'MSEL v3.xlsx')]);
    await waitFor(() => expect(store.getState().problem).toBe('MSEL v3.xlsx is not a file Firedrill imports: drop a scenario or plan (.yaml, .yml) or a drill journal (.jsonl); an MSEL spreadsheet becomes a draft scenario with "Import an MSEL spreadsheet" in the Studio'));
    // A stress test report dropped: where it opens instead.
    drag('drop', [new File(['{}'], 'firedrill-stress-test-x.json')]);
    await waitFor(() => expect(store.getState().problem).toBe('firedrill-stress-test-x.json is not a file Firedrill imports: drop a scenario or plan (.yaml, .yml) or a drill journal (.jsonl); a stress test report (.json) opens with "Open a saved report…" in the Stress test'));
    const text = vi.fn(async () => '');
    drag('drop', [{ name: 'huge.jsonl', size: MAX_IMPORT_BYTES + 1, text }]);
    await waitFor(() => expect(store.getState().problem).toBe('huge.jsonl was not imported: it is larger than 2 MB, the most Firedrill imports'));
    expect(text).not.toHaveBeenCalled();
    expect(client.calls).toEqual([]);
  });
});

describe('the pure parts', () => {
  it('find the session on screen from the address, else the open one', () => {
    expect(currentSessionId('#/session/S-1', null)).toBe('S-1');
    expect(currentSessionId('#/debrief/S-2', null)).toBe('S-2');
    expect(currentSessionId('#/library', { sessionId: 'S-3' } as never)).toBe('S-3');
    expect(currentSessionId('#/library', null)).toBeNull();
  });

  it('put at most three located errors in the status line', () => {
    const errors = Array.from({ length: 5 }, (_, i) => ({ file: 'f.yaml', line: i + 1, column: 2, path: 'id', message: 'bad' }));
    const line = importProblem('f.yaml', new CommandError({ code: 'invalid-file', message: 'f.yaml has 5 errors', errors }));
    expect(line).toBe('f.yaml was not imported: f.yaml has 5 errors — f.yaml:1:2 id: bad; f.yaml:2:2 id: bad; f.yaml:3:2 id: bad (and 2 more)');
  });
});
