import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { SessionView } from '../../engine/protocol/index.js';
import { electronBridge, type RendererBridge, type ShellMenuAction } from '../client/firedrill-bridge.js';
import type { AppStore } from '../store/app-store.js';
import type { Theme } from '../store/ui-slice.js';
import { useAppStore } from './app-context.js';
import { readDropped, useImportFile, type AfterImport } from './import-file.js';
import { navigate, parseRoute } from './route.js';
import './shell-bridge.css';

// The Help menu's dialog: its code is fetched the first time it is opened.
const HelpDialog = lazy(() => import('./HelpDialog.js').then((m) => ({ default: m.HelpDialog })));

/** The debrief's export section: the export menu items scroll to it and focus it. */
export const EXPORT_HEADING_ID = 'export-heading';

/** The session on screen: the console's or debrief's of the address, else the one open in the store. */
export function currentSessionId(hash: string, view: SessionView | null): string | null {
  const route = parseRoute(hash);
  if (route.name === 'console' || route.name === 'debrief') return route.sessionId;
  return view?.sessionId ?? null;
}

/**
 * Focuses an element once it is on the page (the screen it is on may still be loading) and
 * scrolls it into view. `stale` is an element of that id already there before the screen
 * changed: it is about to go, so it does not count. Returns the function that stops waiting.
 */
export function focusWhenPresent(id: string, options: { stale?: HTMLElement | null; timeoutMs?: number } = {}): () => void {
  const focus = (element: HTMLElement) => {
    if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
    element.scrollIntoView?.({ block: 'start' });
    element.focus({ preventScroll: true });
  };
  const found = () => {
    const element = document.getElementById(id);
    return element && element !== options.stale ? element : null;
  };
  const now = found();
  if (now) {
    focus(now);
    return () => {};
  }
  const observer = new MutationObserver(() => {
    const element = found();
    if (!element) return;
    stop();
    focus(element);
  });
  const timer = window.setTimeout(() => stop(), options.timeoutMs ?? 15_000);
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/** The drop target: the whole window, with an overlay while files are dragged over it. */
function useFileDrop(onDrop: (files: File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: count them to know when the files leave the window.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      // Without this the drop is refused (and a browser would open the file instead).
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      onDrop(Array.from(event.dataTransfer?.files ?? []));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onDrop]);
  return dragging;
}

/**
 * The theme follows the system's (prefers-color-scheme) while "System" is chosen in the View
 * menu, which is the shell's default; choosing Light or Dark there, or the header's toggle,
 * stops following it.
 */
function useSystemTheme(store: AppStore, bridge: RendererBridge | undefined) {
  const following = useRef(bridge !== undefined);
  const applied = useRef<Theme | null>(null);
  const [media] = useState(() => (typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null));

  const applySystem = useCallback(() => {
    if (!following.current || !media) return;
    applied.current = media.matches ? 'dark' : 'light';
    store.getState().setTheme(applied.current);
  }, [media, store]);

  useEffect(() => {
    if (!bridge || !media) return;
    applySystem();
    media.addEventListener('change', applySystem);
    // A theme set by anything else (the header's toggle) ends following the system.
    const stop = store.subscribe((state, previous) => {
      if (state.theme !== previous.theme && state.theme !== applied.current) following.current = false;
    });
    return () => {
      media.removeEventListener('change', applySystem);
      stop();
    };
  }, [bridge, media, store, applySystem]);

  const follow = useCallback(() => {
    following.current = true;
    applySystem();
  }, [applySystem]);
  const choose = useCallback((theme: Theme) => {
    following.current = false;
    applied.current = theme;
    store.getState().setTheme(theme);
  }, [store]);
  return { follow, choose };
}

/**
 * The desktop shell's events in the renderer (menu actions, files opened by the system) and the
 * window as a drop target for files, in Electron and in a browser alike. Rendered next to <App />.
 */
export function ShellBridge() {
  const store = useAppStore();
  const [bridge] = useState(electronBridge);
  const [help, setHelp] = useState<'about' | 'guide' | null>(null);
  const importFile = useImportFile(store);
  const { follow, choose } = useSystemTheme(store, bridge);
  const waiting = useRef<() => void>(() => {});

  const onDrop = useCallback((files: File[]) => void readDropped(files, store, importFile), [store, importFile]);
  const dragging = useFileDrop(onDrop);

  useEffect(() => {
    if (!bridge) return;
    const { setProblem } = store.getState();
    const sessionOnScreen = () => currentSessionId(window.location.hash, store.getState().view);
    const openAndImport = async (after: AfterImport) => {
      try {
        const file = await bridge.openFile();
        if (file) await importFile(file, after);
      } catch (error) {
        setProblem(`The file could not be opened: ${(error as Error).message}`);
      }
    };
    const goToExports = (what: string) => {
      const sessionId = sessionOnScreen();
      if (!sessionId) return setProblem(`Open a session first: the ${what} is exported from its debrief.`);
      const route = parseRoute(window.location.hash);
      const there = route.name === 'debrief' && route.sessionId === sessionId;
      const stale = there ? null : document.getElementById(EXPORT_HEADING_ID);
      waiting.current();
      if (!there) navigate({ name: 'debrief', sessionId });
      waiting.current = focusWhenPresent(EXPORT_HEADING_ID, { stale });
    };
    const actions: Record<ShellMenuAction, () => void | Promise<void>> = {
      'session.new': () => navigate({ name: 'library' }),
      'scenario.open': () => openAndImport('setup'),
      'library.import': () => openAndImport('library'),
      'export.scorecard': () => goToExports('scorecard'),
      'export.aar': () => goToExports('after-action report'),
      'view.projector': async () => {
        const sessionId = sessionOnScreen();
        if (!sessionId) return setProblem('Open a session first: the projector shows the session on screen.');
        try {
          await bridge.openProjector(sessionId);
        } catch (error) {
          setProblem(`The projector window could not be opened: ${(error as Error).message}`);
        }
      },
      'view.theme.light': () => choose('light'),
      'view.theme.dark': () => choose('dark'),
      'view.theme.system': () => follow(),
      'help.about': () => setHelp('about'),
      'help.guide': () => setHelp('guide'),
    };
    const stopMenu = bridge.on('menu.action', ({ action }) => {
      if (Object.hasOwn(actions, action)) void actions[action]();
    });
    const stopFiles = bridge.on('file.opened', (file) => void importFile(file, 'setup'));
    return () => {
      stopMenu();
      stopFiles();
      waiting.current();
    };
  }, [bridge, store, importFile, follow, choose]);

  return (
    <>
      {dragging && (
        <div className="drop-overlay" role="status" aria-live="assertive">
          <p className="drop-label">Drop to import</p>
          <p className="drop-hint">a scenario or plan (.yaml, .yml) into the library, or a drill journal (.jsonl) into your sessions</p>
        </div>
      )}
      {help !== null && (
        <Suspense fallback={null}>
          <HelpDialog topic={help} platform={bridge?.platform ?? 'the web'} onClose={() => setHelp(null)} />
        </Suspense>
      )}
    </>
  );
}
