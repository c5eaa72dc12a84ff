import { useEffect } from 'react';
import { useAppStore, useClient } from './app-context.js';

/** Views the server pushes for the open session replace the one shown; a closed session says why. */
export function useSessionUpdates(): void {
  const client = useClient();
  const store = useAppStore();
  useEffect(() => {
    const stopUpdates = client.on('session.update', ({ sessionId, view }) => {
      if (store.getState().view?.sessionId === sessionId) store.getState().setView(view);
    });
    const stopClosed = client.on('session.closed', ({ sessionId, reason }) => {
      if (store.getState().view?.sessionId === sessionId) store.getState().setProblem(`The session was closed: ${reason}. Reopen it from its address to go on.`);
    });
    return () => {
      stopUpdates();
      stopClosed();
    };
  }, [client, store]);
}
