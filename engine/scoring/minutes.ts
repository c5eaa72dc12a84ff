import { clockText, durationText } from '../format/time-text.js';

// Simulated time as the scorecard gives it: minutes with two decimals, and the same in words,
// written by the one duration and the one clock formatter (engine/format/time-text.ts).

export const toMinutes = (ms: number): number => Math.round(ms / 600) / 100;

/** A duration in simulated minutes, in the one way durations are written ("1 h 33 min"); null is a milestone never reached. */
export const minutesText = (minutes: number | null): string => (minutes === null ? 'not reached' : durationText(minutes * 60_000));

/** A moment of the session in the scorecard's minutes, as the one clock format writes it ("T+01:33"). */
export const tPlus = (minutes: number | null): string => (minutes === null ? '—' : clockText(minutes * 60_000));
