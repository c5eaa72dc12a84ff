import { useEffect, useState } from 'react';
import { DebriefView } from '../views/DebriefView.js';
import { LibraryView } from '../views/LibraryView.js';
import { RoleView } from '../views/RoleView.js';
import { SetupView } from '../views/SetupView.js';
import { ConsoleView } from '../facilitator/ConsoleView.js';
import { useAppState, useAppStore } from './app-context.js';
import { parseRoute, type Route } from './route.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';

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
    case 'setup': return <SetupView scenarioId={route.scenarioId} />;
    case 'console': return <ConsoleView sessionId={route.sessionId} />;
    case 'debrief': return <DebriefView sessionId={route.sessionId} />;
    case 'role': return <RoleView roleId={route.roleId} />;
  }
}

/** The frame: header with the display settings, the screen of the route, the status line. */
export function App() {
  const store = useAppStore();
  const route = useRoute();
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
