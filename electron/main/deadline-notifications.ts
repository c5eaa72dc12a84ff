import type { DeadlineView, SessionView } from '../../engine/protocol/view.js';

export interface DeadlineNotice {
  /** The key remembered so a deadline is announced once per session. */
  key: string;
  title: string;
  body: string;
}

export interface NotifyContext {
  /** Is any Firedrill window focused? Nobody is told what they are looking at. */
  focused: boolean;
  /** How long before a deadline to warn, in wall-clock ms (turned into simulated time by the speed). */
  leadWallMs: number;
  /** Keys already announced. */
  announced: ReadonlySet<string>;
}

const minutes = (ms: number) => Math.max(1, Math.round(ms / 60_000));

/**
 * The severity and duty deadlines about to pass in a live session while the app is in the
 * background: not met, not passed, due within the lead time at the session's speed, and not
 * announced before. Nothing while paused (no time passes) or after the end.
 */
export function deadlinesToNotify(view: SessionView, context: NotifyContext): DeadlineNotice[] {
  if (context.focused || view.paused || view.ended) return [];
  const leadSimulated = context.leadWallMs * view.speed;
  return view.deadlines
    .filter((deadline: DeadlineView) => !deadline.passed && deadline.metAt === null)
    .filter((deadline) => deadline.dueAt > view.now && deadline.dueAt - view.now <= leadSimulated)
    .map((deadline) => ({ deadline, key: `${view.sessionId}:${deadline.id}` }))
    .filter(({ key }) => !context.announced.has(key))
    .map(({ deadline, key }) => ({
      key,
      title: `${deadline.title}: due in ${minutes(deadline.dueAt - view.now)} simulated min`,
      body: `${view.scenarioTitle}: ${minutes((deadline.dueAt - view.now) / view.speed)} min of real time left at ×${view.speed}.`,
    }));
}
