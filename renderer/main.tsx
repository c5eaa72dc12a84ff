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
const ParticipantApp = lazy(() => import('./participant/ParticipantApp.js').then((m) => ({ default: m.ParticipantApp })));

/** `#/join` (the join address of a LAN session): a participant's page, which holds no facilitator token. */
const joining = /^#\/join(?:[/?]|$)/.test(window.location.hash) && !tokenFromLocation(window.location.search);

/** The facilitator's app (and the projector's page), on a connection that holds their token. */
function FacilitatorApp({ client, store }: { client: SessionClient; store: ReturnType<typeof createAppStore> }) {
  // ?view=projector&session=ID: the room's read-only screen (Electron's projector window, or a link).
  const projector = projectorRoute(window.location.search);
  return (
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
  );
}

/** The facilitator's connection. In Electron the preload's window.firedrill carries the protocol over IPC; served by firedrill serve, it is Socket.IO with the token from the page address. The UI cannot tell. */
function facilitatorClient(): SessionClient {
  const bridge = electronBridge();
  return bridge ? ipcClient(bridge) : socketClient(window.location.origin, tokenFromLocation(window.location.search));
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {joining ? (
      <Suspense fallback={<p role="status">Loading…</p>}>
        <ParticipantApp origin={window.location.origin} />
      </Suspense>
    ) : <FacilitatorApp client={facilitatorClient()} store={createAppStore()} />}
  </StrictMode>,
);
