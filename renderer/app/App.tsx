import { lazy, Suspense, useEffect, useState, type MouseEvent } from 'react';
import { LibraryView } from '../views/LibraryView.js';
import { prepareChime } from '../facilitator/decision-chime.js';
import type { ConsolePanel } from '../store/ui-slice.js';
import { useAppState, useAppStore } from './app-context.js';
import { parseRoute, routeHash, type Route } from './route.js';
import { useRouteFocus } from './use-route-focus.js';
import { useKeptDisplay } from './use-kept-display.js';
import { useLeaveReplacedSession } from './use-session-updates.js';

// The library is what the app opens on: its code comes with the page. Every other screen is
// its own chunk, fetched when first shown, so the first load carries only the library.
const SessionsView = lazy(() => import('../views/SessionsView.js').then((m) => ({ default: m.SessionsView })));
const HistoryView = lazy(() => import('../views/HistoryView.js').then((m) => ({ default: m.HistoryView })));
const CoverageView = lazy(() => import('../views/CoverageView.js').then((m) => ({ default: m.CoverageView })));
const StressTestView = lazy(() => import('../views/StressTestView.js').then((m) => ({ default: m.StressTestView })));
const SetupView = lazy(() => import('../views/SetupView.js').then((m) => ({ default: m.SetupView })));
const ConsoleView = lazy(() => import('../facilitator/ConsoleView.js').then((m) => ({ default: m.ConsoleView })));
const DebriefView = lazy(() => import('../views/DebriefView.js').then((m) => ({ default: m.DebriefView })));
// The ? dialog's code comes the first time it is opened.
const ShortcutsDialog = lazy(() => import('./ShortcutsDialog.js').then((m) => ({ default: m.ShortcutsDialog })));
// The plan and scenario studio brings CodeMirror: a chunk of its own, fetched when opened.
const StudioView = lazy(() => import('../studio/StudioView.js').then((m) => ({ default: m.StudioView })));
const RoleView = lazy(() => import('../views/RoleView.js').then((m) => ({ default: m.RoleView })));

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    // A link followed between the first render and this effect changed the hash unheard.
    onChange();
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'library': return <LibraryView />;
    case 'sessions': return <SessionsView />;
    case 'history': return <HistoryView />;
    case 'stress-test': return <StressTestView />;
    case 'coverage': return <CoverageView />;
    case 'studio': return <StudioView />;
    case 'setup': return <SetupView scenarioId={route.scenarioId} />;
    case 'console': return <ConsoleView sessionId={route.sessionId} />;
    case 'debrief': return <DebriefView sessionId={route.sessionId} />;
    case 'role': return <RoleView sessionId={route.sessionId} roleId={route.roleId} />;
  }
}

const MAIN_LINKS: { route: Route; title: string }[] = [
  { route: { name: 'library' }, title: 'Library' },
  { route: { name: 'studio' }, title: 'Studio' },
  { route: { name: 'sessions' }, title: 'Sessions' },
  { route: { name: 'history' }, title: 'History' },
  { route: { name: 'stress-test' }, title: 'Stress test' },
  { route: { name: 'coverage' }, title: 'Coverage' },
];

/** The top-level screens; the one shown is marked for screen readers as well as by its look. */
function MainNav({ current }: { current: Route['name'] }) {
  return (
    <nav aria-label="Main" className="main-nav">
      {MAIN_LINKS.map(({ route, title }) => (
        <a key={route.name} href={routeHash(route)} aria-current={route.name === current ? 'page' : undefined}>{title}</a>
      ))}
    </nav>
  );
}

/** The console's skip links: past the header straight to what the facilitator reaches for. */
const CONSOLE_SKIPS: { panel: ConsolePanel; title: string }[] = [
  { panel: 'decisions', title: 'Skip to the pending decisions' },
  { panel: 'severity', title: 'Skip to the severity declaration' },
  { panel: 'feed', title: 'Skip to the inject feed' },
];

/** Links shown only when focused, first on the page: to the screen's content, and on the console to its key panels. */
function SkipLinks({ route }: { route: Route }) {
  const showPanel = useAppState((state) => state.showPanel);
  const go = (panel: ConsolePanel) => (event: MouseEvent) => {
    event.preventDefault();
    showPanel(panel);
  };
  return (
    <nav className="skip-links" aria-label="Skip links">
      <a href="#main" onClick={(event) => { event.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to the content</a>
      {route.name === 'console' && CONSOLE_SKIPS.map(({ panel, title }) => <a key={panel} href={`#${panel}`} onClick={go(panel)}>{title}</a>)}
    </nav>
  );
}

/** The frame: header with the display settings, the screen of the route, the status line. */
export function App() {
  const store = useAppStore();
  const route = useRoute();
  useLeaveReplacedSession();
  useRouteFocus(route);
  const theme = useAppState((state) => state.theme);
  const projector = useAppState((state) => state.projector);
  const problem = useAppState((state) => state.problem);
  const sound = useAppState((state) => state.decisionSound);
  const shortcutsOpen = useAppState((state) => state.shortcutsOpen);
  const { setTheme, toggleProjector, setShortcutsOpen, setDecisionSound } = store.getState();

  useKeptDisplay();

  const toggleSound = () => {
    // The click that turns it on is what lets the page make a sound later.
    if (!sound) prepareChime();
    setDecisionSound(!sound);
  };

  return (
    <>
      <SkipLinks route={route} />
      <header className="app-header">
        <a href="#/library" className="brand">Firedrill</a>
        <MainNav current={route.name} />
        <nav aria-label="Display">
          {/* The names stay whole for screen readers; a laptop's header shows the short words (styles.css, .wide-only). */}
          <button type="button" aria-label="Dark theme" aria-pressed={theme === 'dark'} onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}>Dark<span className="wide-only"> theme</span></button>
          <button type="button" aria-label="Projector mode" aria-pressed={projector} onClick={toggleProjector}>Projector<span className="wide-only"> mode</span></button>
          <button type="button" aria-label="Decision sound" aria-pressed={sound} onClick={toggleSound} title="A short chime when a decision is put to the team"><span className="wide-only">Decision s</span><span className="narrow-only">S</span>ound</button>
          <button type="button" aria-keyshortcuts="?" onClick={() => setShortcutsOpen(true)}>Shortcuts</button>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className={`route-${route.name}`}>
        <Suspense fallback={<p role="status">Loading…</p>}>
          {/* Keyed by the address: each screen starts afresh; data-route tells the focus which screen is new. */}
          <div key={routeHash(route)} data-route={routeHash(route)} className="screen">
            <Screen route={route} />
          </div>
        </Suspense>
      </main>
      <footer className="status-line" role="status" aria-live="polite">{problem ?? ''}</footer>
      {shortcutsOpen && <Suspense fallback={null}><ShortcutsDialog /></Suspense>}
    </>
  );
}
