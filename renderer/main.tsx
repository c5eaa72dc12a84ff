import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource-variable/inter';
import './styles.css';
import { App } from './app/App.js';
import { AppProvider } from './app/app-context.js';
import { socketClient, tokenFromLocation } from './client/socket-client.js';
import { createAppStore } from './store/app-store.js';

// Served by firedrill serve: the Socket.IO transport, with the token from the page address.
const client = socketClient(window.location.origin, tokenFromLocation(window.location.search));
const store = createAppStore();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider client={client} store={store}>
      <App />
    </AppProvider>
  </StrictMode>,
);
