import { formatDuration } from '../format/duration.js';

// Simulated time as the scorecard gives it: minutes with two decimals, and the same in words.

export const toMinutes = (ms: number): number => Math.round(ms / 600) / 100;

/** A duration in simulated minutes, as people say it ("1h33m"); null is a milestone never reached. */
export const minutesText = (minutes: number | null): string => (minutes === null ? 'not reached' : formatDuration(Math.round(minutes) * 60_000));

/** A moment of the session: T+ simulated time. */
export const tPlus = (minutes: number | null): string => (minutes === null ? '—' : `T+${minutesText(minutes)}`);
