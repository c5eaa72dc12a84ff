import { create } from 'zustand';
import { immer } from 'zustand/middleware/immer';
import { createLibrarySlice, type LibrarySlice } from './library-slice.js';
import { createSessionSlice, type SessionSlice } from './session-slice.js';
import { createUiSlice, type UiSlice } from './ui-slice.js';

export type AppState = UiSlice & LibrarySlice & SessionSlice;

/** One store from typed slices, immer applied once. A factory, so each test gets its own. */
export const createAppStore = () =>
  create<AppState>()(immer((...a) => ({ ...createUiSlice(...a), ...createLibrarySlice(...a), ...createSessionSlice(...a) })));

export type AppStore = ReturnType<typeof createAppStore>;
