import type { StateCreator } from 'zustand';
import type { Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import type { LibraryListing } from '../../engine/protocol/index.js';
import type { AppState } from './app-store.js';

export interface LibraryFilter {
  text: string;
  threat: string;
  provider: string;
  difficulty: string;
}

export interface LibrarySlice {
  listing: LibraryListing | null;
  filter: LibraryFilter;
  /** Full documents fetched with library.show, by id. */
  plans: Record<string, Plan>;
  scenarios: Record<string, Scenario>;
  setListing(listing: LibraryListing): void;
  setFilter(change: Partial<LibraryFilter>): void;
  putPlan(plan: Plan): void;
  putScenario(scenario: Scenario): void;
}

export const EMPTY_FILTER: LibraryFilter = { text: '', threat: '', provider: '', difficulty: '' };

type Slice<T> = StateCreator<AppState, [['zustand/immer', never]], [], T>;

export const createLibrarySlice: Slice<LibrarySlice> = (set) => ({
  listing: null,
  filter: EMPTY_FILTER,
  plans: {},
  scenarios: {},
  setListing: (listing) => set((state) => void (state.listing = listing)),
  setFilter: (change) => set((state) => void Object.assign(state.filter, change)),
  putPlan: (plan) => set((state) => void (state.plans[plan.id] = plan)),
  putScenario: (scenario) => set((state) => void (state.scenarios[scenario.id] = scenario)),
});
