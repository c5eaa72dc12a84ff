import { clockText, durationText, type TimeTextOptions } from '../../engine/format/time-text.js';
import type { DeadlineView } from '../../engine/protocol/index.js';

/** A deadline's state in words: met (when), passed, or the time left (as a `countdown` that keeps its width, on the projector). */
export function deadlineText(deadline: DeadlineView, now: number, { countdown = false }: Pick<TimeTextOptions, 'countdown'> = {}): string {
  if (deadline.metAt !== null) return `met at ${clockText(deadline.metAt)}`;
  if (deadline.passed) return 'deadline passed';
  return `${durationText(Math.max(0, deadline.dueAt - now), { seconds: true, countdown })} left`;
}
