import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { CommandParamsInput, CommandResult, CommandType } from '../../engine/protocol/index.js';
import type { SessionClient } from '../client/session-client.js';
import type { AppState, AppStore } from '../store/app-store.js';
import { SessionUpdates } from './use-session-updates.js';

interface AppContextValue {
  client: SessionClient;
  store: AppStore;
}

const AppContext = createContext<AppContextValue | null>(null);

export function AppProvider({ client, store, children }: AppContextValue & { children: ReactNode }) {
  return <AppContext.Provider value={{ client, store }}><SessionUpdates />{children}</AppContext.Provider>;
}

function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('AppProvider is missing');
  return value;
}

export const useAppStore = (): AppStore => useAppContext().store;
export const useClient = (): SessionClient => useAppContext().client;
export const useAppState = <T,>(selector: (state: AppState) => T): T => useStore(useAppContext().store, selector);

/**
 * Sends a command; a refusal goes to the status line (and resolves undefined) instead of
 * throwing, and any view in the result becomes the session's view.
 */
export function useCommand() {
  const { client, store } = useAppContext();
  return useCallback(
    async <T extends CommandType>(type: T, params: CommandParamsInput<T>): Promise<CommandResult<T> | undefined> => {
      try {
        const result = await client.send(type, params);
        store.getState().setProblem(null);
        const view = (result as { view?: AppState['view'] }).view;
        if (view) store.getState().setView(view);
        return result;
      } catch (error) {
        // The server's messages may already name the command: never "session.input: session.input: …".
        const message = (error as Error).message;
        store.getState().setProblem(message.startsWith(`${type}:`) ? message : `${type}: ${message}`);
        return undefined;
      }
    },
    [client, store],
  );
}
