import { enqueueActions, setup } from 'xstate';
import { MILESTONES } from '../format/common.js';
import type { SessionContext } from './context.js';
import type { SessionEvent, StateEvent, TimerEvent } from './events.js';
import type { ScenarioIndex } from './scenario-index.js';
import { reduce, startTimers, type Reduction } from './reduce.js';

/**
 * What the machine asks of the session's timers (NamedTimers): emitted, so they run after the
 * step that asked, in order, as XState's own delayed events did.
 */
export type TimerCommand = { type: 'timer.set'; name: string; delay: number; event: TimerEvent } | { type: 'timer.cancel'; name: string };

/** The part of XState's action enqueuer the session uses. */
interface Enqueue {
  assign(assigner: () => SessionContext): void;
  emit(command: TimerCommand): void;
  raise(event: StateEvent): void;
}

export interface MachineInput {
  context: SessionContext;
}

/** The journal's inputs: the session checks each one against its refusal rules before sending it. */
const INPUT_EVENTS = [
  'clock.speed', 'clock.paused', 'clock.resumed', 'clock.jumped', 'action.taken', 'severity.declared', 'decision.answered',
  'inject.released', 'inject.held', 'inject.resumed', 'observation.noted', 'session.ended',
] as const;
// session.renamed never reaches the machine (it is inert: see isInert).
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

/** The NIST phase the incident is in, by the milestones it has reached: the one place the phase comes from. */
export function phaseReached(milestones: Partial<Record<(typeof MILESTONES)[number], number>>): string {
  let phase = PHASE_AFTER.undetected!;
  for (const milestone of MILESTONES) if (milestones[milestone] !== undefined) phase = PHASE_AFTER[milestone] ?? phase;
  return phase;
}

/**
 * Compiles a validated scenario and its plan into an XState machine whose states are the
 * incident's milestones in order (`matches('contained')`; tags `detected`, `contained`...), then
 * `ended` (tag `ended`, final). The NIST phase is not a tag: `phaseReached(context.milestones)`
 * gives it, ended or not. The logic of every event is the pure `reduce`; the machine asks for
 * the timers it needs (TimerCommand, run by the session on its simulated clock) and moves
 * between milestone states on the changes the reducer raises.
 *
 * Inputs are not guarded here: `Session` checks each against the refusal rules once, before it
 * journals and sends it (a guard ran the same rules a second time for every input), and
 * `Session.check` is how a caller asks whether an input would be taken.
 *
 * Why one flat region: the clock (paused, speed) and the session's completion are context, not
 * states of the incident, and a parallel machine with regions for them cost XState twice the
 * time per event (a 10,000-entry replay measured 75 ms flat against 100-150 ms parallel).
 * After the end, the milestones reached stay in `context.milestones` and the scorecard.
 */
export function compileScenario(index: ScenarioIndex) {
  const applyReduction = (enqueue: Enqueue, reduction: Reduction) => {
    enqueue.assign(() => reduction.context);
    for (const name of reduction.cancels) enqueue.emit({ type: 'timer.cancel', name });
    for (const timer of reduction.timers) enqueue.emit({ type: 'timer.set', name: timer.id, delay: timer.delay, event: timer.event });
    for (const change of reduction.raised) enqueue.raise(change);
  };

  const names = ['undetected', ...MILESTONES] as const;
  const milestoneStates = Object.fromEntries(names.map((name, i) => {
    const next = names[i + 1];
    return [name, {
      tags: MILESTONES.slice(0, i),
      ...(next ? { on: { [`milestone.${next}`]: next } } : {}),
    }];
    // Typed by name so `snapshot.matches('detected')` type-checks (fromEntries loses the keys).
  })) as Record<(typeof names)[number], { tags: string[]; on?: Record<string, string> }>;

  return setup({
    types: {} as { context: SessionContext; events: SessionEvent | StateEvent; input: MachineInput; emitted: TimerCommand },
    actions: {
      startTimers: enqueueActions(({ context, enqueue }) => applyReduction(enqueue as unknown as Enqueue, startTimers(index, context))),
      reduce: enqueueActions(({ context, event, enqueue }) => applyReduction(enqueue as unknown as Enqueue, reduce(index, context, event as SessionEvent))),
    },
  }).createMachine({
    id: index.scenario.id,
    context: ({ input }) => input.context,
    initial: 'undetected',
    entry: 'startTimers',
    on: {
      ...Object.fromEntries([...INPUT_EVENTS, ...TIMER_EVENTS].map((type) => [type, { actions: 'reduce' }])),
      'session.over': '.ended',
    },
    states: {
      ...milestoneStates,
      ended: { tags: ['ended'], type: 'final' },
    },
  });
}

export type SessionMachine = ReturnType<typeof compileScenario>;
