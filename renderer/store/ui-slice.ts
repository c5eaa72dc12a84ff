import type { StateCreator } from 'zustand';
import type { AppState } from './app-store.js';

export type Theme = 'light' | 'dark';

export interface UiSlice {
  theme: Theme;
  /** Large type and high contrast for a room watching a projector. */
  projector: boolean;
  shortcutsOpen: boolean;
  /** The role the facilitator acts on behalf of (and the role switcher's choice in role play). */
  actingRole: string | null;
  setTheme(theme: Theme): void;
  toggleProjector(): void;
  setShortcutsOpen(open: boolean): void;
  setActingRole(role: string | null): void;
}

type Slice<T> = StateCreator<AppState, [['zustand/immer', never]], [], T>;

export const createUiSlice: Slice<UiSlice> = (set) => ({
  theme: 'light',
  projector: false,
  shortcutsOpen: false,
  actingRole: null,
  setTheme: (theme) => set((state) => void (state.theme = theme)),
  toggleProjector: () => set((state) => void (state.projector = !state.projector)),
  setShortcutsOpen: (open) => set((state) => void (state.shortcutsOpen = open)),
  setActingRole: (role) => set((state) => void (state.actingRole = role)),
});
