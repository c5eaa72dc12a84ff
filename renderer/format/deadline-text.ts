import { clockText, durationText } from '../../engine/format/time-text.js';
import type { DeadlineView } from '../../engine/protocol/index.js';

/**
 * The time left before a moment, as a countdown that keeps its width as it ticks ("14 min 05 s",
 * "2 h 00 min": durationText's `countdown`, drawn in tabular figures): the countdowns of the
 * console, the projector and the participants' pages, so that the words beside them, and the
 * rows they wrap in, do not shift every second. Never negative: at zero it reads "0 s".
 */
export function timeLeftText(ms: number): string {
  return durationText(Math.max(0, ms), { seconds: true, countdown: true });
}

/** A deadline's state in words: met (when), passed, or the time left (a countdown). */
export function deadlineText(deadline: DeadlineView, now: number): string {
  if (deadline.metAt !== null) return `met at ${clockText(deadline.metAt)}`;
  if (deadline.passed) return 'deadline passed';
  return `${timeLeftText(deadline.dueAt - now)} left`;
}
