import { useLayoutEffect } from 'react';
import { keepValue, loadValue } from '../client/device-storage.js';
import type { Theme } from '../store/ui-slice.js';
import { useAppState, useAppStore } from './app-context.js';

const DISPLAY_KEY = 'firedrill.display';

interface Display {
  theme: Theme;
  projector: boolean;
}

/**
 * The theme and projector mode, kept on this device and applied to the page. A reload on the
 * room's screen (or the page reopened) came back in laptop mode: small type, and the MSEL showing
 * the titles and notes of the injects still to come, which projector mode hides from the room.
 */
export function useKeptDisplay(): void {
  const store = useAppStore();
  const theme = useAppState((state) => state.theme);
  const projector = useAppState((state) => state.projector);
  // Before the first paint: the page never shows the room what projector mode hides.
  useLayoutEffect(() => {
    const kept = loadValue<Partial<Display>>(DISPLAY_KEY, {});
    const { setTheme, toggleProjector } = store.getState();
    if (kept.theme === 'light' || kept.theme === 'dark') setTheme(kept.theme);
    if (typeof kept.projector === 'boolean' && kept.projector !== store.getState().projector) toggleProjector();
  }, [store]);
  useLayoutEffect(() => {
    // Read from the store, not this render: the first run comes just after the kept display went in.
    const now = store.getState();
    document.documentElement.dataset.theme = now.theme;
    document.documentElement.classList.toggle('projector', now.projector);
    keepValue(DISPLAY_KEY, { theme: now.theme, projector: now.projector } satisfies Display);
  }, [store, theme, projector]);
}
