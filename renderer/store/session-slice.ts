import type { StateCreator } from 'zustand';
import type { SessionView } from '../../engine/protocol/index.js';
import type { Scorecard } from '../../engine/scoring/scorecard.js';
import type { AppState } from './app-store.js';

export interface SessionSlice {
  /** The open session as the server last pushed it. */
  view: SessionView | null;
  scorecard: Scorecard | null;
  /** The last refusal or failure, shown in the status line. */
  problem: string | null;
  setView(view: SessionView | null): void;
  setScorecard(scorecard: Scorecard | null): void;
  setProblem(problem: string | null): void;
}

type Slice<T> = StateCreator<AppState, [['zustand/immer', never]], [], T>;

export const createSessionSlice: Slice<SessionSlice> = (set) => ({
  view: null,
  scorecard: null,
  problem: null,
  // Views arrive from replies and pushes; an older one (shorter journal) never replaces a newer one.
  setView: (view) => set((state) => {
    if (view && state.view && view.sessionId === state.view.sessionId && view.journalLength < state.view.journalLength) return;
    state.view = view as never;
  }),
  setScorecard: (scorecard) => set((state) => void (state.scorecard = scorecard as never)),
  setProblem: (problem) => set((state) => void (state.problem = problem)),
});
