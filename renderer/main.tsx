import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource-variable/inter';
import './styles.css';
import { App } from './app/App.js';
import { AppProvider } from './app/app-context.js';
import { ShellBridge } from './app/ShellBridge.js';
import { electronBridge } from './client/firedrill-bridge.js';
import { ipcClient } from './client/ipc-client.js';
import type { SessionClient } from './client/session-client.js';
import { socketClient, tokenFromLocation } from './client/socket-client.js';
import { createAppStore } from './store/app-store.js';
import { projectorRoute } from './app/projector-address.js';

const ProjectorView = lazy(() => import('./views/ProjectorView.js').then((m) => ({ default: m.ProjectorView })));

// In Electron the preload's window.firedrill carries the protocol over IPC; served by
// firedrill serve, it is Socket.IO with the token from the page address. The UI cannot tell.
const bridge = electronBridge();
const client: SessionClient = bridge ? ipcClient(bridge) : socketClient(window.location.origin, tokenFromLocation(window.location.search));
const store = createAppStore();
// ?view=projector&session=ID: the room's read-only screen (Electron's projector window, or a link).
const projector = projectorRoute(window.location.search);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider client={client} store={store}>
      {projector ? (
        <Suspense fallback={<p role="status">Loading…</p>}>
          <ProjectorView sessionId={projector.sessionId} />
        </Suspense>
      ) : (
        <>
          <App />
          <ShellBridge />
        </>
      )}
    </AppProvider>
  </StrictMode>,
);
