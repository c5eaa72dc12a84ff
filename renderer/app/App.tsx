import { useEffect, useState } from 'react';
import { DebriefView } from '../views/DebriefView.js';
import { HistoryView } from '../views/HistoryView.js';
import { LibraryView } from '../views/LibraryView.js';
import { RoleView } from '../views/RoleView.js';
import { SessionsView } from '../views/SessionsView.js';
import { SetupView } from '../views/SetupView.js';
import { ConsoleView } from '../facilitator/ConsoleView.js';
import { useAppState, useAppStore } from './app-context.js';
import { parseRoute, routeHash, type Route } from './route.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';
import { useLeaveReplacedSession } from './use-session-updates.js';

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'library': return <LibraryView />;
    case 'sessions': return <SessionsView />;
    case 'history': return <HistoryView />;
    case 'setup': return <SetupView scenarioId={route.scenarioId} />;
    case 'console': return <ConsoleView sessionId={route.sessionId} />;
    case 'debrief': return <DebriefView sessionId={route.sessionId} />;
    case 'role': return <RoleView roleId={route.roleId} />;
  }
}

const MAIN_LINKS: { route: Route; title: string }[] = [
  { route: { name: 'library' }, title: 'Library' },
  { route: { name: 'sessions' }, title: 'Sessions' },
  { route: { name: 'history' }, title: 'History' },
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

/** The frame: header with the display settings, the screen of the route, the status line. */
export function App() {
  const store = useAppStore();
  const route = useRoute();
  useLeaveReplacedSession();
  const theme = useAppState((state) => state.theme);
  const projector = useAppState((state) => state.projector);
  const problem = useAppState((state) => state.problem);
  const { setTheme, toggleProjector, setShortcutsOpen } = store.getState();

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.classList.toggle('projector', projector);
  }, [theme, projector]);

  return (
    <>
      <header className="app-header">
        <a href="#/library" className="brand">Firedrill</a>
        <MainNav current={route.name} />
        <nav aria-label="Display">
          <button type="button" aria-pressed={theme === 'dark'} onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}>Dark theme</button>
          <button type="button" aria-pressed={projector} onClick={toggleProjector}>Projector mode</button>
          <button type="button" aria-keyshortcuts="?" onClick={() => setShortcutsOpen(true)}>Shortcuts</button>
        </nav>
      </header>
      <main>
        <Screen route={route} />
      </main>
      <footer className="status-line" role="status" aria-live="polite">{problem ?? ''}</footer>
      <ShortcutsDialog />
    </>
  );
}
