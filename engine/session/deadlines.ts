import type { Due } from '../format/plan.js';

// When a deadline falls due: one rule for the session (which times it on the clock) and the
// scorecard (which judges against it).

/** The points of the incident deadlines are measured from. */
export interface DeadlineOrigins {
  detectedAt: number;
  containedAt: number | undefined;
  /** The expected severity level's response deadline, from detection. */
  responseDeadline: number;
}

/** The severity response deadline: detection plus the level's response time. */
export const severityDeadlineAt = (origins: DeadlineOrigins): number => origins.detectedAt + origins.responseDeadline;

/** When a step or duty due this way falls due; null while containment, its origin, has not happened. */
export function deadlineAt(due: Due, origins: DeadlineOrigins): number | null {
  if (due.from === 'detection') return origins.detectedAt + due.within;
  if (due.from === 'severity-deadline') return severityDeadlineAt(origins) + due.within;
  return origins.containedAt === undefined ? null : origins.containedAt + due.within;
}
