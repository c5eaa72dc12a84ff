import { useEffect, useRef } from 'react';
import { useAppState, useAppStore, useClient } from './app-context.js';

/**
 * Views the server pushes for the open session replace the one shown; a closed session says why.
 * Listened to once for the whole page (SessionUpdates, in AppProvider), whatever screen is on.
 */
function useSessionUpdates(): void {
  const client = useClient();
  const store = useAppStore();
  useEffect(() => {
    const stopUpdates = client.on('session.update', ({ sessionId, view }) => {
      if (store.getState().view?.sessionId === sessionId) store.getState().setView(view);
    });
    const stopClosed = client.on('session.closed', ({ sessionId, reason }) => {
      if (store.getState().view?.sessionId === sessionId) store.getState().setProblem(`The session was closed: ${reason}. Reopen it from its address to go on.`);
    });
    // A fresh connection (the server restarted, or the page was away too long to be recovered)
    // is in no session: open the one on screen again, with its view as the server has it now.
    const stopConnection = client.onConnection((state) => {
      const { view, setProblem, setView } = store.getState();
      if (state === 'lost') return setProblem('The connection to Firedrill was lost; reconnecting…');
      setProblem(null);
      if (state === 'back' && view) {
        client.send('session.open', { sessionId: view.sessionId }).then(
          (opened) => setView(opened.view),
          (error: Error) => setProblem(`The session could not be reopened after reconnecting: ${error.message}`),
        );
      }
    });
    return () => {
      stopUpdates();
      stopClosed();
      stopConnection();
    };
  }, [client, store]);
}

/**
 * Leaves the session a tab had open when it opens another (Sessions → Resume, a new drill):
 * the old one has no page left here, so the host can pause it if no other page watches it.
 */
export function useLeaveReplacedSession(): void {
  const client = useClient();
  const sessionId = useAppState((state) => state.view?.sessionId ?? null);
  const previous = useRef<string | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = sessionId;
    if (before && before !== sessionId) client.send('session.close', { sessionId: before }).catch(() => {});
  }, [client, sessionId]);
}

/** Follows the open session's pushes for the whole page: rendered once by AppProvider. */
export function SessionUpdates(): null {
  useSessionUpdates();
  return null;
}
