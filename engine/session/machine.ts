import { enqueueActions, setup } from 'xstate';
import { MILESTONES } from '../format/common.js';
import type { SessionContext } from './context.js';
import type { SessionEvent } from './events.js';
import type { ScenarioIndex } from './scenario-index.js';
import { reduce, startTimers, type Reduction } from './reduce.js';

/** The part of XState's action enqueuer the session uses. */
interface Enqueue {
  assign(assigner: () => SessionContext): void;
  cancel(id: string): void;
  raise(event: SessionEvent, options: { id: string; delay: number }): void;
}

export interface MachineInput {
  context: SessionContext;
}

const PHASE_AFTER: Record<string, string> = {
  undetected: 'detection-analysis',
  detected: 'containment',
  contained: 'eradication',
  eradicated: 'recovery',
  recovered: 'post-incident',
};

/**
 * Compiles a validated scenario and its plan into an XState machine. Its states are what the
 * UI asks about: the incident's milestones (`matches({ incident: 'contained' })`, or the tags
 * `detected`, `contained`...; the current NIST phase as `phase:<id>`), the clock (running or
 * paused) and the session (active, complete, ended). The logic of every event is the pure
 * `reduce`; the machine owns the timers, which run on the simulated clock.
 */
export function compileScenario(index: ScenarioIndex) {
  const applyReduction = (enqueue: Enqueue, reduction: Reduction) => {
    enqueue.assign(() => reduction.context);
    for (const id of reduction.cancels) enqueue.cancel(id);
    for (const timer of reduction.timers) enqueue.raise(timer.event, { id: timer.id, delay: timer.delay });
  };

  // Milestone states in order; each is entered once its time is in the context.
  const incidentStates: Record<string, object> = {};
  const names = ['undetected', ...MILESTONES] as const;
  names.forEach((name, i) => {
    const next = names[i + 1];
    incidentStates[name] = {
      tags: [...MILESTONES.slice(0, i), `phase:${PHASE_AFTER[name]}`],
      ...(next ? { always: { guard: { type: 'milestoneReached', params: { milestone: next } }, target: next } } : {}),
    };
  });

  return setup({
    types: {} as { context: SessionContext; events: SessionEvent; input: MachineInput },
    actions: {
      startTimers: enqueueActions(({ context, enqueue }) => applyReduction(enqueue as unknown as Enqueue, startTimers(index, context))),
      reduce: enqueueActions(({ context, event, enqueue }) => applyReduction(enqueue as unknown as Enqueue, reduce(index, context, event))),
    },
    guards: {
      milestoneReached: ({ context }, params: { milestone: (typeof MILESTONES)[number] }) => context.milestones[params.milestone] !== undefined,
      isEnded: ({ context }) => context.ended !== null,
      isComplete: ({ context }) => context.completeAt !== null,
      isPaused: ({ context }) => context.paused,
      isRunning: ({ context }) => !context.paused,
    },
  }).createMachine({
    id: index.scenario.id,
    context: ({ input }) => input.context,
    type: 'parallel',
    entry: 'startTimers',
    on: { '*': { actions: 'reduce' } },
    states: {
      incident: { initial: 'undetected', states: incidentStates },
      clock: {
        initial: 'running',
        states: {
          running: { always: { guard: 'isPaused', target: 'paused' } },
          paused: { tags: ['paused'], always: { guard: 'isRunning', target: 'running' } },
        },
      },
      session: {
        initial: 'active',
        states: {
          active: { always: [{ guard: 'isEnded', target: 'ended' }, { guard: 'isComplete', target: 'complete' }] },
          complete: { tags: ['complete'], always: { guard: 'isEnded', target: 'ended' } },
          ended: { tags: ['ended'], type: 'final' },
        },
      },
    },
  });
}

export type SessionMachine = ReturnType<typeof compileScenario>;
