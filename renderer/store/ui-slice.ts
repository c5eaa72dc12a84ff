import type { StateCreator } from 'zustand';
import type { AppState } from './app-store.js';

export type Theme = 'light' | 'dark';

/** The console's panels: the story (what the team is told) and the response (what it does). */
export const STORY_PANELS = ['feed', 'msel', 'observations', 'room', 'team'] as const;
export const RESPONSE_PANELS = ['decisions', 'severity', 'actions', 'duties'] as const;
export type StoryPanel = (typeof STORY_PANELS)[number];
export type ResponsePanel = (typeof RESPONSE_PANELS)[number];
export type ConsolePanel = StoryPanel | ResponsePanel;

export const isStoryPanel = (panel: ConsolePanel): panel is StoryPanel => (STORY_PANELS as readonly string[]).includes(panel);

export interface UiSlice {
  theme: Theme;
  /** Large type and high contrast for a room watching a projector. */
  projector: boolean;
  shortcutsOpen: boolean;
  /** The role the facilitator acts on behalf of (and the role switcher's choice in role play). */
  actingRole: string | null;
  /** A short chime when a decision is put to the team: off until the facilitator turns it on. */
  decisionSound: boolean;
  /** The panel shown on each side of the console. */
  storyPanel: StoryPanel;
  responsePanel: ResponsePanel;
  /** A panel asked for by a shortcut or a skip link: shown, then focused (the count makes each ask new). */
  panelRequest: { panel: ConsolePanel; count: number } | null;
  setTheme(theme: Theme): void;
  toggleProjector(): void;
  setShortcutsOpen(open: boolean): void;
  setActingRole(role: string | null): void;
  setDecisionSound(on: boolean): void;
  showPanel(panel: ConsolePanel, options?: { focus?: boolean }): void;
}

type Slice<T> = StateCreator<AppState, [['zustand/immer', never]], [], T>;

export const createUiSlice: Slice<UiSlice> = (set) => ({
  theme: 'light',
  projector: false,
  shortcutsOpen: false,
  actingRole: null,
  decisionSound: false,
  storyPanel: 'feed',
  responsePanel: 'decisions',
  panelRequest: null,
  setTheme: (theme) => set((state) => void (state.theme = theme)),
  toggleProjector: () => set((state) => void (state.projector = !state.projector)),
  setShortcutsOpen: (open) => set((state) => void (state.shortcutsOpen = open)),
  setActingRole: (role) => set((state) => void (state.actingRole = role)),
  setDecisionSound: (on) => set((state) => void (state.decisionSound = on)),
  showPanel: (panel, options = {}) => set((state) => {
    if (isStoryPanel(panel)) state.storyPanel = panel;
    else state.responsePanel = panel;
    if (options.focus !== false) state.panelRequest = { panel, count: (state.panelRequest?.count ?? 0) + 1 };
  }),
});
