import type { JournalEntry } from './journal.js';

/** Events the session's timers raise on the simulated clock; `at` is the due time. */
export type TimerEvent =
  | { type: 'inject.due'; inject: string; at: number }
  | { type: 'decision.opens'; decision: string; at: number }
  | { type: 'decision.expires'; decision: string; at: number }
  | { type: 'action.completes'; action: string; at: number }
  | { type: 'deadline.passes'; deadline: string; at: number }
  | { type: 'session.time-limit'; at: number };

/** Journal entries (the inputs) after the first, which starts the session. */
export type InputEvent = Exclude<JournalEntry, { type: 'session.started' }>;

export type SessionEvent = InputEvent | TimerEvent;

/** Events the reducer raises for the machine's states to follow (never journaled). */
export type StateEvent =
  | { type: 'milestone.detected' } | { type: 'milestone.contained' } | { type: 'milestone.eradicated' } | { type: 'milestone.recovered' }
  | { type: 'session.completed' } | { type: 'session.over' };

/** A timer to set: raise `event` after `delay` simulated ms, under an id that can cancel it. */
export interface TimerRequest {
  id: string;
  delay: number;
  event: TimerEvent;
}

export const eventTime = (event: SessionEvent): number => ('simTime' in event ? event.simTime : event.at);
