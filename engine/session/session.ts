import { createActor, type Actor } from 'xstate';
import type { Plan } from '../format/plan.js';
import type { Scenario } from '../format/scenario.js';
import { SteppingClock } from './clock.js';
import { clockText } from '../format/time-text.js';
import { initialContext, type SessionContext } from './context.js';
import { contentHash } from './hash.js';
import { commandIdSchema, recordedBy, ENGINE_FORMAT, LEGACY_ENGINE_FORMAT, TIME_LIMIT_REASON, type JournalEntry, type JournalInput, type SessionStarted } from './journal.js';
import { CHAIN_START, entryHash } from './journal-chain.js';
import { compileScenario, type SessionMachine } from './machine.js';
import { refusal, SYSTEM } from './refusals.js';
import { indexScenario, type ScenarioIndex } from './scenario-index.js';
import { isInert } from './reduce.js';
import type { InputEvent } from './events.js';
import { People } from './people.js';
import { NamedTimers } from './timers.js';

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
  /** The session's name, shown in the session list. */
  name?: string;
  /** Wall-clock time of the start, from the caller: the engine never reads the wall clock. */
  wallTime: string;
  /** A simulated drill's own action durations (engine/simulate); such a session is never journaled to disk. */
  actionDurations?: Readonly<Record<string, number>>;
  /** A simulated drill (engine/simulate): its journal is never stored, so its entries are not hash chained (hashing was a fifth of a run's time). */
  unchained?: boolean;
}

export interface Stamp {
  /** Simulated time of the input; defaults to the session's current simulated time. */
  simTime?: number;
  wallTime: string;
  actor: string;
  /** The client command that sent the input: a command is recorded once (see entryForCommand). */
  commandId?: string;
  /** The participant who made it from their own device (see People). */
  participant?: string;
}

type ActionTaken = Extract<JournalEntry, { type: 'action.taken' }>;
type ObservationNoted = Extract<JournalEntry, { type: 'observation.noted' }>;

/** Entries of LAN sessions that views and reports list, kept by type as they are recorded. */
const LISTED_TYPES = ['chat.posted', 'draft.sent', 'objective.rated', 'evaluator.observed'] as const;
type ListedType = (typeof LISTED_TYPES)[number];
type ListedEntries = { [T in ListedType]: Extract<JournalEntry, { type: T }>[] };

/** The wall time at a simulated time, for entries the session records itself (the time limit). */
export type WallTimeAt = (simTime: number) => string;

/**
 * One run of a scenario: the compiled machine on its simulated clock, and the journal of the
 * inputs it took. The same code runs a live session (record) and a replay (replay).
 */
export class Session {
  readonly clock = new SteppingClock();
  readonly actor: Actor<SessionMachine>;
  readonly journal: JournalEntry[] = [];
  /** The first take of each action: an action is taken once (engine format 2). */
  private readonly taken = new Map<string, ActionTaken>();
  /** Every take (format 1 journals may take an action twice) and every observation, in order: what the view lists, without a pass over the whole journal. */
  private readonly takes: ActionTaken[] = [];
  private readonly observations: ObservationNoted[] = [];
  private readonly listed: ListedEntries = { 'chat.posted': [], 'draft.sent': [], 'objective.rated': [], 'evaluator.observed': [] };
  /** The participants who joined from their own devices (LAN sessions). */
  readonly people = new People();
  /** The entry each client command recorded, so that a command sent again records nothing. */
  private readonly commands = new Map<string, JournalEntry>();
  /** The chain's hash after a journal whose last entry has none (format 1), computed once. */
  private legacyHead: { length: number; hash: string } | undefined;
  private renamedTo: string | undefined;

  private constructor(
    readonly index: ScenarioIndex,
    started: SessionStarted,
    machine: SessionMachine,
    actionDurations?: Readonly<Record<string, number>>,
    private readonly chained = true,
  ) {
    this.actor = createActor(machine, { input: { context: initialContext(index, started.speed, actionDurations) } });
    const timers = new NamedTimers(this.clock, (event) => this.actor.send(event));
    this.actor.on('timer.set', ({ name, delay, event }) => timers.set(name, delay, event));
    this.actor.on('timer.cancel', ({ name }) => timers.cancel(name));
    this.actor.subscribe({ complete: () => timers.cancelAll() });
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
      ...(setup.name !== undefined ? { name: setup.name } : {}),
    };
    const chained = setup.unchained !== true;
    if (chained) started.hash = entryHash(CHAIN_START, started);
    const { index, machine } = compiled(setup.scenario, setup.plan);
    return new Session(index, started, machine, setup.actionDurations, chained);
  }

  /**
   * Rebuilds a session from its journal, up to simulated time `until` if given. Refuses a
   * journal recorded against another scenario or plan, or by another engine format.
   */
  static replay(entries: readonly JournalEntry[], plan: Plan, scenario: Scenario, options: { until?: number } = {}): Session {
    const session = Session.beginReplay(entries[0], plan, scenario);
    for (const entry of entries.slice(1)) {
      if (options.until !== undefined && entry.simTime > options.until) break;
      session.replayEntry(entry);
    }
    if (options.until !== undefined) session.moveClock(Math.max(options.until, session.now));
    return session;
  }

  /**
   * Starts replaying a journal from its first entry; the entries after it are then given one at
   * a time, in order (replayEntry), as replay does, so that a long journal can be replayed in
   * slices. Refuses what replay refuses.
   */
  static beginReplay(started: JournalEntry | undefined, plan: Plan, scenario: Scenario): Session {
    if (!started || started.type !== 'session.started') throw new JournalMismatch('the journal does not start with session.started');
    checkStamps(started, plan, scenario);
    const { index, machine } = compiled(scenario, plan);
    return new Session(index, started, machine);
  }

  /** Replays the journal's next entry (see beginReplay). Throws JournalMismatch when it cannot be replayed. */
  replayEntry(entry: JournalEntry): void {
    if (entry.seq !== this.journal.length + 1) throw new JournalMismatch(`journal entry ${entry.seq} is out of sequence (expected ${this.journal.length + 1})`);
    if (entry.simTime < this.now) throw new JournalMismatch(`journal entry ${entry.seq} goes back in simulated time`);
    this.moveClock(entry.simTime);
    const reason = this.check(entry, entry.actor, entry.simTime, recordedBy(entry));
    if (reason) throw new JournalMismatch(`journal entry ${entry.seq} (${entry.type}) cannot be replayed: ${reason}`);
    this.push(entry);
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

  /** The session's name: the last rename, else the one given at the start (undefined if none). */
  get name(): string | undefined {
    return this.renamedTo ?? this.started.name;
  }

  private get timeLimit(): number {
    return this.index.scenario.end.timeLimit;
  }

  snapshot() {
    return this.actor.getSnapshot();
  }

  /**
   * Moves simulated time forward, up to the scenario's time limit at most; timers due on the
   * way fire at their own times. When the time limit ends the session, the end is journaled: a session.ended
   * entry by the system at the limit, returned (with any other entry this recorded) for the
   * caller to store like any input. `wallTimeAt` stamps it; by default the wall time is worked
   * out from the last entry at the current speed.
   */
  advanceTo(simTime: number, wallTimeAt: WallTimeAt = (at) => this.extrapolatedWallTime(at)): JournalEntry[] {
    // Nothing happens after the time limit: the clock stops there.
    this.moveClock(Math.min(simTime, this.timeLimit));
    const ended = this.context.ended;
    if (!ended || ended.reason !== TIME_LIMIT_REASON || this.journal[this.journal.length - 1]!.type === 'session.ended') return [];
    return [this.append({ type: 'session.ended', reason: TIME_LIMIT_REASON }, { wallTime: wallTimeAt(ended.at), actor: SYSTEM }, ended.at)];
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
    for (const [id, at] of Object.entries(completing)) if (at !== undefined && completed[id] === undefined) stops.push({ kind: 'action', id, dueAt: at });
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

  /** The entry a client command recorded, if it was recorded: a command sent again records nothing. */
  entryForCommand(commandId: string): JournalEntry | undefined {
    return this.commands.get(commandId);
  }

  /** The first take of each action taken, in the order taken. */
  actionsTaken(): ActionTaken[] {
    return [...this.taken.values()];
  }

  /** Every action.taken entry, in journal order. */
  allTakes(): readonly ActionTaken[] {
    return this.takes;
  }

  /** Every observation.noted entry, in journal order. */
  observationsNoted(): readonly ObservationNoted[] {
    return this.observations;
  }

  /** Every entry of one of the LAN session's listed kinds (chat, drafts, ratings, evaluator notes), in journal order. */
  entriesOf<T extends ListedType>(type: T): readonly ListedEntries[T][number][] {
    return this.listed[type];
  }

  /** Why this input cannot be taken now (by this actor; in this participant's name, if given), or undefined. */
  check(input: JournalInput, actor: string, simTime = this.now, participant?: string): string | undefined {
    if (simTime < this.now) return `simulated time cannot go back (${clockText(simTime, { seconds: true })} is before the session's ${clockText(this.now, { seconds: true })})`;
    if (input.type === 'session.ended' && actor === SYSTEM) return this.timeLimitRule(simTime);
    return refusal(this.index, this.context, input, actor) ?? this.takenRule(input, simTime) ?? this.people.lobbyRefusal(this.index, input) ?? this.participantRule(input, actor, participant);
  }

  /** What a participant may record in their name (People.refusal); an evaluator's entries always name their evaluator. */
  private participantRule(input: JournalInput, actor: string, participant: string | undefined): string | undefined {
    if (participant !== undefined) return this.people.refusal(this.index, input, actor, participant);
    return input.type === 'objective.rated' || input.type === 'evaluator.observed' ? `${input.type} names the evaluator who made it (participant)` : undefined;
  }

  /** Takes an input: checks it, journals it, applies it. Throws SessionRefusal with the reason. */
  record(input: JournalInput, stamp: Stamp): JournalEntry {
    const simTime = stamp.simTime ?? this.now;
    this.advanceTo(simTime, () => stamp.wallTime);
    return this.append(input, stamp, simTime);
  }

  /** Checks an input at the current simulated time, then journals and applies it. */
  private append(input: JournalInput, stamp: Stamp, simTime: number): JournalEntry {
    const reason = this.check(input, stamp.actor, simTime, stamp.participant);
    if (reason) throw new SessionRefusal(reason);
    // The lobby's entries name the person they are about in `participant`: nobody records them from their own device.
    if (stamp.participant !== undefined && recordedBy({ type: input.type, participant: stamp.participant }) === undefined) throw new SessionRefusal(`${input.type} is the facilitator's (or the join code's), not a participant's`);
    if (stamp.commandId !== undefined && !commandIdSchema.safeParse(stamp.commandId).success) throw new SessionRefusal(`"${stamp.commandId.slice(0, 80)}" is not a command id (8 to 64 letters, digits, ".", "_", ":" or "-")`);
    const entry = {
      seq: this.journal.length + 1,
      simTime,
      wallTime: stamp.wallTime,
      actor: stamp.actor,
      ...(stamp.commandId !== undefined ? { commandId: stamp.commandId } : {}),
      ...(stamp.participant !== undefined ? { participant: stamp.participant } : {}),
      ...input,
    } as JournalEntry;
    if (this.chained) entry.hash = entryHash(this.headHash(), entry);
    this.push(entry);
    return entry;
  }

  /**
   * The system's session.ended records the end the time limit's timer brought, once, at that
   * moment: it is the journal's witness of the end, so that a replay ends where the live session did.
   */
  private timeLimitRule(simTime: number): string | undefined {
    const ended = this.context.ended;
    if (!ended || ended.reason !== TIME_LIMIT_REASON || ended.at !== simTime) return `only the scenario's time limit (${clockText(this.timeLimit, { seconds: true })}) ends a session by itself`;
    return this.journal[this.journal.length - 1]!.type === 'session.ended' ? 'the end at the time limit is already journaled' : undefined;
  }

  /** An action is taken once (from engine format 2: journals of format 1 may take one again). */
  private takenRule(input: JournalInput, simTime: number): string | undefined {
    if (input.type !== 'action.taken' || this.started.engineFormat === LEGACY_ENGINE_FORMAT) return undefined;
    const first = this.taken.get(input.action);
    return first ? this.alreadyTaken(first, simTime) : undefined;
  }

  private alreadyTaken(first: ActionTaken, simTime: number): string {
    const action = this.index.actions.get(first.action);
    const by = this.index.plan.roles.find((role) => role.id === first.actor)?.title ?? first.actor;
    const doneAt = first.simTime + (action?.duration ?? 0);
    const state = doneAt > simTime ? `in progress until ${clockText(doneAt, { seconds: true })}` : 'done';
    return `"${action?.title ?? first.action}" was already taken by ${by} at ${clockText(first.simTime, { seconds: true })} (${state}): an action is taken once`;
  }

  private push(entry: JournalEntry): void {
    this.journal.push(entry);
    if (entry.type === 'action.taken') {
      this.takes.push(entry);
      if (!this.taken.has(entry.action)) this.taken.set(entry.action, entry);
    }
    if (entry.type === 'observation.noted') this.observations.push(entry);
    if (entry.type === 'session.renamed') this.renamedTo = entry.name;
    if (isListed(entry)) (this.listed[entry.type] as JournalEntry[]).push(entry);
    this.people.apply(entry);
    if (entry.commandId !== undefined && !this.commands.has(entry.commandId)) this.commands.set(entry.commandId, entry);
    this.send(entry as InputEvent);
  }

  /** The hash the next entry is chained to. */
  private headHash(): string {
    const last = this.journal[this.journal.length - 1]!;
    if (last.hash !== undefined) return last.hash;
    // A journal of format 1 has no hashes: its chain is computed once, for the entries added to it.
    if (this.legacyHead?.length !== this.journal.length) {
      let previous = CHAIN_START;
      for (const entry of this.journal) previous = entry.hash ?? entryHash(previous, entry);
      this.legacyHead = { length: this.journal.length, hash: previous };
    }
    return this.legacyHead.hash;
  }

  /** Moves the clock without recording anything (replay). */
  private moveClock(simTime: number): void {
    if (simTime > this.now) this.clock.advanceTo(simTime);
  }

  private extrapolatedWallTime(simTime: number): string {
    const last = this.journal[this.journal.length - 1]!;
    const wall = Date.parse(last.wallTime);
    const elapsed = this.context.paused ? 0 : Math.max(0, simTime - last.simTime) / this.context.speed;
    return Number.isNaN(wall) ? last.wallTime : new Date(wall + Math.round(elapsed)).toISOString();
  }

  private send(event: InputEvent) {
    if (!isInert(this.index, this.context, event)) this.actor.send(event);
  }
}

const isListed = (entry: JournalEntry): entry is ListedEntries[ListedType][number] => (LISTED_TYPES as readonly string[]).includes(entry.type);

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
  if (started.engineFormat !== ENGINE_FORMAT && started.engineFormat !== LEGACY_ENGINE_FORMAT) {
    throw new JournalMismatch(`the journal was written by engine format ${String(started.engineFormat)}; this Firedrill replays formats ${LEGACY_ENGINE_FORMAT} and ${ENGINE_FORMAT}`);
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
