import { createActor, type Actor } from 'xstate';
import type { Plan } from '../format/plan.js';
import type { Scenario } from '../format/scenario.js';
import { SteppingClock } from './clock.js';
import { clockText } from '../format/time-text.js';
import { initialContext, type SessionContext } from './context.js';
import { contentHash } from './hash.js';
import { ENGINE_FORMAT, type JournalEntry, type JournalInput, type SessionStarted } from './journal.js';
import { compileScenario, type SessionMachine } from './machine.js';
import { refusal, SYSTEM } from './refusals.js';
import { indexScenario, type ScenarioIndex } from './scenario-index.js';
import { isInert } from './reduce.js';
import type { InputEvent } from './events.js';

/** What a jump of the clock stops at: the first thing ahead that needs the team. */
export interface NextStop {
  /** `action`: an action the scenario waits on completes (what it sets off, a decision or a milestone, happens then). */
  kind: 'inject' | 'decision' | 'decision-expiry' | 'deadline' | 'action';
  /** The inject, the decision, the deadline ("severity", "duty:<id>") or the action. */
  id: string;
  dueAt: number;
}

const STOP_ORDER: Record<NextStop['kind'], number> = { action: 0, inject: 1, decision: 2, 'decision-expiry': 3, deadline: 4 };

/** An input the session cannot take now; the message is for the person who tried. */
export class SessionRefusal extends Error {
  override name = 'SessionRefusal';
}

/** A journal that cannot be replayed against the scenario and plan given. */
export class JournalMismatch extends Error {
  override name = 'JournalMismatch';
}

export interface SessionStart {
  plan: Plan;
  scenario: Scenario;
  sessionId: string;
  mode: SessionStarted['mode'];
  speed: number;
  participants?: Record<string, string>;
  /** Wall-clock time of the start, from the caller: the engine never reads the wall clock. */
  wallTime: string;
}

export interface Stamp {
  /** Simulated time of the input; defaults to the session's current simulated time. */
  simTime?: number;
  wallTime: string;
  actor: string;
}

/**
 * One run of a scenario: the compiled machine on its simulated clock, and the journal of the
 * inputs it took. The same code runs a live session (record) and a replay (replay).
 */
export class Session {
  readonly clock = new SteppingClock();
  readonly actor: Actor<SessionMachine>;
  readonly journal: JournalEntry[] = [];

  private constructor(
    readonly index: ScenarioIndex,
    started: SessionStarted,
    machine: SessionMachine,
  ) {
    this.actor = createActor(machine, { clock: this.clock, input: { context: initialContext(index, started.speed) } });
    this.journal.push(started);
    this.actor.start();
  }

  /** Starts a new session; its journal begins with session.started. */
  static start(setup: SessionStart): Session {
    const started: SessionStarted = {
      seq: 1,
      simTime: 0,
      wallTime: setup.wallTime,
      actor: SYSTEM,
      type: 'session.started',
      sessionId: setup.sessionId,
      engineFormat: ENGINE_FORMAT,
      planId: setup.plan.id,
      planHash: contentHash(setup.plan),
      scenarioId: setup.scenario.id,
      scenarioHash: contentHash(setup.scenario),
      mode: setup.mode,
      speed: setup.speed,
      participants: setup.participants ?? {},
    };
    const { index, machine } = compiled(setup.scenario, setup.plan);
    return new Session(index, started, machine);
  }

  /**
   * Rebuilds a session from its journal, up to simulated time `until` if given. Refuses a
   * journal recorded against another scenario or plan, or by another engine format.
   */
  static replay(entries: readonly JournalEntry[], plan: Plan, scenario: Scenario, options: { until?: number } = {}): Session {
    const started = entries[0];
    if (!started || started.type !== 'session.started') throw new JournalMismatch('the journal does not start with session.started');
    checkStamps(started, plan, scenario);
    const { index, machine } = compiled(scenario, plan);
    const session = new Session(index, started, machine);
    for (const entry of entries.slice(1)) {
      if (options.until !== undefined && entry.simTime > options.until) break;
      session.apply(entry);
    }
    if (options.until !== undefined) session.advanceTo(Math.max(options.until, session.now));
    return session;
  }

  get now(): number {
    return this.clock.now();
  }

  get context(): SessionContext {
    return this.actor.getSnapshot().context;
  }

  get started(): SessionStarted {
    return this.journal[0] as SessionStarted;
  }

  snapshot() {
    return this.actor.getSnapshot();
  }

  /** Moves simulated time forward; timers due on the way fire at their own times. */
  advanceTo(simTime: number): void {
    if (simTime > this.now) this.clock.advanceTo(simTime);
  }

  /** The next time something scheduled is due (an inject, a decision, a deadline...), if any. */
  nextDueAt(): number | undefined {
    return this.clock.nextDueAt();
  }

  /**
   * The first thing ahead that needs the team, where "jump to the next event" stops: a
   * scheduled inject, a decision being put to the team, a deadline falling due (a decision's
   * time limit, the severity deadline, a duty's deadline), or an action the scenario waits on
   * completing (a decision or an inject it sets off comes then: a jump never passes it).
   * Undefined when nothing is scheduled (what is left fires on triggers or by hand).
   */
  nextStop(): NextStop | undefined {
    const { injects, decisions, deadlines, completing, completed } = this.context;
    const stops: NextStop[] = [];
    for (const [id, at] of Object.entries(completing)) if (completed[id] === undefined) stops.push({ kind: 'action', id, dueAt: at });
    for (const [id, state] of Object.entries(injects)) if (state.status === 'scheduled' && state.dueAt !== undefined) stops.push({ kind: 'inject', id, dueAt: state.dueAt });
    for (const [id, state] of Object.entries(decisions)) {
      if (state.status === 'scheduled' && state.opensAt !== undefined) stops.push({ kind: 'decision', id, dueAt: state.opensAt });
      if (state.status === 'open' && state.expiresAt !== undefined) stops.push({ kind: 'decision-expiry', id, dueAt: state.expiresAt });
    }
    for (const deadline of Object.values(deadlines)) if (!deadline.passed && deadline.metAt === undefined) stops.push({ kind: 'deadline', id: deadline.id, dueAt: deadline.dueAt });
    let next: NextStop | undefined;
    for (const stop of stops) if (stop.dueAt > this.now && (!next || stop.dueAt < next.dueAt || (stop.dueAt === next.dueAt && STOP_ORDER[stop.kind] < STOP_ORDER[next.kind]))) next = stop;
    return next;
  }

  /** Why this input cannot be taken now, or undefined. */
  check(input: JournalInput, actor: string, simTime = this.now): string | undefined {
    if (simTime < this.now) return `simulated time cannot go back (${clockText(simTime, { seconds: true })} is before the session's ${clockText(this.now, { seconds: true })})`;
    return refusal(this.index, this.context, input, actor);
  }

  /** Takes an input: checks it, journals it, applies it. Throws SessionRefusal with the reason. */
  record(input: JournalInput, stamp: Stamp): JournalEntry {
    const simTime = stamp.simTime ?? this.now;
    this.advanceTo(simTime);
    const reason = this.check(input, stamp.actor, simTime);
    if (reason) throw new SessionRefusal(reason);
    const entry = { seq: this.journal.length + 1, simTime, wallTime: stamp.wallTime, actor: stamp.actor, ...input } as JournalEntry;
    this.journal.push(entry);
    this.send(entry as InputEvent);
    return entry;
  }

  private send(event: InputEvent) {
    if (!isInert(this.index, this.context, event)) this.actor.send(event);
  }

  private apply(entry: JournalEntry): void {
    if (entry.seq !== this.journal.length + 1) throw new JournalMismatch(`journal entry ${entry.seq} is out of sequence (expected ${this.journal.length + 1})`);
    if (entry.simTime < this.now) throw new JournalMismatch(`journal entry ${entry.seq} goes back in simulated time`);
    this.advanceTo(entry.simTime);
    const reason = refusal(this.index, this.context, entry, entry.actor);
    if (reason) throw new JournalMismatch(`journal entry ${entry.seq} (${entry.type}) cannot be replayed: ${reason}`);
    this.journal.push(entry);
    this.send(entry as InputEvent);
  }
}

// A scenario and plan are compiled once, however many sessions run them.
const compilations = new WeakMap<Scenario, WeakMap<Plan, { index: ScenarioIndex; machine: SessionMachine }>>();

function compiled(scenario: Scenario, plan: Plan): { index: ScenarioIndex; machine: SessionMachine } {
  let byPlan = compilations.get(scenario);
  if (!byPlan) compilations.set(scenario, (byPlan = new WeakMap()));
  let result = byPlan.get(plan);
  if (!result) {
    const index = indexScenario(scenario, plan);
    result = { index, machine: compileScenario(index) };
    byPlan.set(plan, result);
  }
  return result;
}

function checkStamps(started: SessionStarted, plan: Plan, scenario: Scenario): void {
  if (started.engineFormat !== ENGINE_FORMAT) {
    throw new JournalMismatch(`the journal was written by engine format ${started.engineFormat}; this Firedrill replays format ${ENGINE_FORMAT}`);
  }
  if (started.scenarioId !== scenario.id) throw new JournalMismatch(`the journal is of scenario "${started.scenarioId}", not "${scenario.id}"`);
  const scenarioHash = contentHash(scenario);
  if (started.scenarioHash !== scenarioHash) {
    throw new JournalMismatch(`scenario "${scenario.id}" has changed since the journal was recorded (journal ${started.scenarioHash.slice(0, 19)}, scenario now ${scenarioHash.slice(0, 19)}); replay it with the scenario file it was recorded with`);
  }
  if (started.planId !== plan.id) throw new JournalMismatch(`the journal was scored against plan "${started.planId}", not "${plan.id}"`);
  const planHash = contentHash(plan);
  if (started.planHash !== planHash) {
    throw new JournalMismatch(`plan "${plan.id}" has changed since the journal was recorded (journal ${started.planHash.slice(0, 19)}, plan now ${planHash.slice(0, 19)})`);
  }
}
