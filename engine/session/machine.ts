import { enqueueActions, setup } from 'xstate';
import { MILESTONES } from '../format/common.js';
import type { SessionContext } from './context.js';
import type { InputEvent, SessionEvent, StateEvent } from './events.js';
import type { ScenarioIndex } from './scenario-index.js';
import { reduce, startTimers, type Reduction } from './reduce.js';
import { refusal } from './refusals.js';

/** The part of XState's action enqueuer the session uses. */
interface Enqueue {
  assign(assigner: () => SessionContext): void;
  cancel(id: string): void;
  raise(event: SessionEvent | StateEvent, options?: { id: string; delay: number }): void;
}

export interface MachineInput {
  context: SessionContext;
}

/** The journal's inputs: a transition takes one only when the session can (`snapshot.can(event)`). */
const INPUT_EVENTS = [
  'clock.speed', 'clock.paused', 'clock.resumed', 'clock.jumped', 'action.taken', 'severity.declared', 'decision.answered',
  'inject.released', 'inject.held', 'observation.noted', 'session.ended',
] as const;
/** The timers' events, raised on the simulated clock. */
const TIMER_EVENTS = ['inject.due', 'decision.opens', 'decision.expires', 'action.completes', 'deadline.passes', 'session.time-limit'] as const;

/** The NIST SP 800-61 r2 phase the incident is in while each milestone is the last reached. */
const PHASE_AFTER: Record<string, string> = {
  undetected: 'detection-analysis',
  detected: 'containment',
  contained: 'eradication',
  eradicated: 'recovery',
  recovered: 'post-incident',
};

/**
 * Compiles a validated scenario and its plan into an XState machine with three regions, the
 * questions the UI asks: the incident's milestones in order (`matches({ incident: 'contained' })`;
 * tags `detected`, `contained`... and the current phase as `phase:<id>`), the clock
 * (`matches({ clock: 'paused' })`, tag `paused`) and the session (active, then `complete` once
 * the end condition holds, then `ended`). The logic of every event is the pure `reduce`, run
 * once per event; the machine owns the timers, which run on the simulated clock. The milestone
 * and session states move on the events the reducer raises, the clock on the (guarded) pause
 * and resume inputs themselves. Inputs are guarded by the session's refusal rules, so
 * `snapshot.can(entry)` says whether an input would be taken now.
 */
export function compileScenario(index: ScenarioIndex) {
  const applyReduction = (enqueue: Enqueue, reduction: Reduction) => {
    enqueue.assign(() => reduction.context);
    for (const id of reduction.cancels) enqueue.cancel(id);
    for (const timer of reduction.timers) enqueue.raise(timer.event, { id: timer.id, delay: timer.delay });
    for (const change of reduction.raised) enqueue.raise(change);
  };

  const names = ['undetected', ...MILESTONES] as const;
  const milestoneStates = Object.fromEntries(names.map((name, i) => {
    const next = names[i + 1];
    return [name, {
      tags: [...MILESTONES.slice(0, i), `phase:${PHASE_AFTER[name]}`],
      ...(next ? { on: { [`milestone.${next}`]: next } } : {}),
    }];
  }));

  return setup({
    types: {} as { context: SessionContext; events: SessionEvent | StateEvent; input: MachineInput },
    actions: {
      startTimers: enqueueActions(({ context, enqueue }) => applyReduction(enqueue as unknown as Enqueue, startTimers(index, context))),
      reduce: enqueueActions(({ context, event, enqueue }) => applyReduction(enqueue as unknown as Enqueue, reduce(index, context, event as SessionEvent))),
    },
    guards: {
      canTake: ({ context, event }) => refusal(index, context, event as InputEvent, (event as InputEvent).actor) === undefined,
    },
  }).createMachine({
    id: index.scenario.id,
    context: ({ input }) => input.context,
    type: 'parallel',
    entry: 'startTimers',
    on: {
      ...Object.fromEntries(INPUT_EVENTS.map((type) => [type, { guard: 'canTake', actions: 'reduce' }])),
      ...Object.fromEntries(TIMER_EVENTS.map((type) => [type, { actions: 'reduce' }])),
    },
    states: {
      incident: { initial: 'undetected', states: milestoneStates },
      clock: {
        initial: 'running',
        states: {
          // A region's transition pre-empts the root's for the same event (XState takes a
          // parallel state's own transitions only when no region has one), so it reduces too.
          running: { on: { 'clock.paused': { guard: 'canTake', target: 'paused', actions: 'reduce' } } },
          paused: { tags: ['paused'], on: { 'clock.resumed': { guard: 'canTake', target: 'running', actions: 'reduce' } } },
        },
      },
      session: {
        initial: 'active',
        states: {
          active: { on: { 'session.completed': 'complete', 'session.over': 'ended' } },
          complete: { tags: ['complete'], on: { 'session.over': 'ended' } },
          ended: { tags: ['ended'], type: 'final' },
        },
      },
    },
  });
}

export type SessionMachine = ReturnType<typeof compileScenario>;
