import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AppProvider } from '../../renderer/app/app-context.js';
import { createAppStore } from '../../renderer/store/app-store.js';
import { fakeClient, type FakeClient } from './fake-client.js';

/** Renders a piece of the UI with its own store and a fake client. */
export function renderWithApp(ui: ReactElement, client: FakeClient = fakeClient()) {
  const store = createAppStore();
  const result = render(<AppProvider client={client} store={store}>{ui}</AppProvider>);
  return { ...result, client, store };
}
