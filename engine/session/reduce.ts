import type { Scalar } from '../format/common.js';
import type { Due } from '../format/plan.js';
import { actionDuration, type InjectCause, type InjectState, type SessionContext, type DecisionState, type Deadline } from './context.js';
import type { ScenarioIndex } from './scenario-index.js';
import type { SessionEvent, StateEvent, TimerRequest } from './events.js';
import { eventTime } from './events.js';
import { TIME_LIMIT_REASON } from './journal.js';
import { deadlineAt, severityDeadlineAt } from './deadlines.js';

export interface Reduction {
  context: SessionContext;
  timers: TimerRequest[];
  cancels: string[];
  /** State changes for the machine's regions to follow, in order. */
  raised: StateEvent[];
}

/**
 * The whole of the session's logic as one pure function: an event and the context before it
 * give the context after it, the timers to set or cancel, and the state changes to raise.
 * The XState machine calls it and asks the session for the timers; tests and replay get the same answer.
 */
export function reduce(index: ScenarioIndex, before: SessionContext, event: SessionEvent): Reduction {
  // An ended session takes nothing more: late timers do not count.
  if (before.ended) return { context: before, timers: [], cancels: [], raised: [] };
  const work = new Work(index, before, eventTime(event));
  work.apply(event);
  work.settle();
  return work.result();
}

/** The entries of LAN sessions (participants, chat, drafts, evaluations): the scenario never waits on them. */
const LAN_INPUTS = new Set<string>(['participant.joined', 'participant.assigned', 'participant.removed', 'chat.posted', 'draft.sent', 'objective.rated', 'evaluator.observed']);

/**
 * Inputs that change nothing in the scenario (nor do the LAN session's own entries): an observation, a rename, a jump of the clock (the
 * clock itself moves), an action nothing in the scenario waits on, or one already under way or done.
 * They are journaled but need not go through the machine, which keeps sessions cheap to play
 * and replay; the scorecard reads every take from the journal.
 */
export function isInert(index: ScenarioIndex, context: SessionContext, event: SessionEvent): boolean {
  if (context.ended) return true;
  if (event.type === 'observation.noted' || event.type === 'clock.jumped' || event.type === 'session.renamed' || LAN_INPUTS.has(event.type)) return true;
  if (event.type === 'action.taken') {
    return !index.watchedActions.has(event.action) || context.completed[event.action] !== undefined || context.completing[event.action] !== undefined;
  }
  return false;
}

/**
 * The timers a session sets when it starts: scheduled injects and decisions, and the time limit
 * (set after them: at the limit, what was scheduled from the start happens, then the session
 * ends; the Session journals that end, see Session.advanceTo).
 */
export function startTimers(index: ScenarioIndex, context: SessionContext): Reduction {
  const work = new Work(index, context, context.now);
  for (const inject of index.scenario.injects) if (inject.at !== undefined) work.scheduleInject(inject.id, inject.at);
  for (const decision of index.scenario.decisions) if (decision.at !== undefined) work.scheduleDecision(decision.id, decision.at);
  work.timer('time-limit', index.scenario.end.timeLimit, { type: 'session.time-limit', at: index.scenario.end.timeLimit });
  work.settle();
  return work.result();
}

type Table = 'vars' | 'injects' | 'decisions' | 'completed' | 'completing' | 'milestones' | 'deadlines';

/** One reduction: a shallow copy of the context whose tables are copied on first write. */
class Work {
  private readonly context: SessionContext;
  private readonly copied = new Set<Table>();
  private changed = false;
  private readonly timers: TimerRequest[] = [];
  private readonly cancels: string[] = [];
  private readonly raised: StateEvent[] = [];

  constructor(
    private readonly index: ScenarioIndex,
    private readonly before: SessionContext,
    now: number,
  ) {
    this.context = { ...before, now };
  }

  result(): Reduction {
    return { context: this.context, timers: this.timers, cancels: this.cancels, raised: this.raised };
  }

  private table<T extends Table>(name: T): SessionContext[T] {
    if (!this.copied.has(name)) {
      this.copied.add(name);
      // Object.assign, not a spread, here and below: V8 (Node 20) gives `{ ...x }` a hidden class
      // of its own, so each property added to the copy made yet another one (about 90 a simulated
      // drill, which filled the heap and slowed every run).
      (this.context[name] as object) = Object.assign({}, this.before[name]);
    }
    this.changed = true;
    return this.context[name];
  }

  private set<K extends keyof SessionContext>(key: K, value: SessionContext[K]) {
    this.context[key] = value;
    this.changed = true;
  }

  timer(id: string, delay: number, event: TimerRequest['event']) {
    this.timers.push({ id, delay, event });
  }

  apply(event: SessionEvent): void {
    const c = this.context;
    switch (event.type) {
      case 'clock.speed':
        return this.set('speed', event.speed);
      case 'clock.paused':
        return this.set('paused', true);
      case 'clock.resumed':
        return this.set('paused', false);
      case 'clock.jumped':
      case 'observation.noted':
      case 'session.renamed':
      case 'participant.joined':
      case 'participant.assigned':
      case 'participant.removed':
      case 'chat.posted':
      case 'draft.sent':
      case 'objective.rated':
      case 'evaluator.observed':
        return;
      case 'action.taken': {
        const action = this.index.actions.get(event.action)!;
        if (c.completed[action.id] !== undefined || c.completing[action.id] !== undefined) return;
        if (!this.index.watchedActions.has(action.id)) return; // nothing in the scenario waits on it
        const duration = actionDuration(this.index, c, action.id);
        if (duration === 0) return this.completeAction(action.id);
        this.table('completing')[action.id] = c.now + duration;
        return this.timer(`action:${action.id}`, duration, { type: 'action.completes', action: action.id, at: c.now + duration });
      }
      case 'action.completes':
        if (c.completed[event.action] !== undefined) return;
        return this.completeAction(event.action);
      case 'severity.declared': {
        const declaration = { level: event.level, at: c.now, by: event.actor, seq: event.seq };
        this.set('severity', declaration);
        if (!c.firstSeverity) this.set('firstSeverity', declaration);
        return this.markDeadlineMet('severity');
      }
      case 'decision.answered':
        return this.answerDecision(event.decision, event.option, event.actor, 'answered', event.seq);
      case 'decision.expires': {
        const decision = this.index.decisions.get(event.decision)!;
        if (c.decisions[decision.id]?.status !== 'open' || decision.default === undefined) return;
        return this.answerDecision(decision.id, decision.default, 'system', 'timed-out');
      }
      case 'decision.opens':
        return this.openDecision(event.decision);
      case 'inject.due':
        if (c.injects[event.inject]?.status !== 'scheduled') return;
        return this.injectFallsDue(event.inject);
      case 'inject.released':
        this.cancels.push(`inject:${event.inject}`);
        return this.fireInject(event.inject, 'released', event.seq);
      case 'inject.held':
        this.cancels.push(`inject:${event.inject}`);
        return this.setInject(event.inject, { status: 'held', seq: event.seq });
      case 'inject.resumed': {
        // Back on its schedule: due when it was due (at once if that time has passed), or back
        // to waiting on its trigger if it was held before the trigger came.
        const { dueAt } = c.injects[event.inject]!;
        if (dueAt === undefined) return this.setInject(event.inject, { status: 'pending', seq: event.seq });
        this.setInject(event.inject, { seq: event.seq });
        return this.scheduleInject(event.inject, dueAt - c.now);
      }
      case 'deadline.passes': {
        const deadline = c.deadlines[event.deadline];
        if (!deadline || deadline.metAt !== undefined) return;
        this.table('deadlines')[deadline.id] = { ...deadline, passed: true };
        return;
      }
      case 'session.time-limit':
        return this.end(TIME_LIMIT_REASON);
      case 'session.ended':
        return this.end(event.reason ?? 'ended by the facilitator');
    }
  }

  private end(reason: string) {
    this.set('ended', { at: this.context.now, reason });
    this.raised.push({ type: 'session.over' });
  }

  private completeAction(action: string) {
    if (this.context.completed[action] === undefined) this.table('completed')[action] = this.context.now;
    for (const effect of this.index.effectsByAction.get(action) ?? []) {
      this.setVars(effect.set);
      for (const inject of effect.fires) this.fireInject(inject, 'action');
    }
    for (const duty of this.index.duties) if (duty.actions.includes(action)) this.markDeadlineMet(`duty:${duty.id}`);
  }

  private markDeadlineMet(id: string) {
    const deadline = this.context.deadlines[id];
    if (!deadline || deadline.passed || deadline.metAt !== undefined) return;
    // Met before it passed: the countdown stops.
    this.cancels.push(`deadline:${id}`);
    this.table('deadlines')[id] = Object.assign({}, deadline, { metAt: this.context.now });
  }

  private setVars(set: Record<string, Scalar> | undefined) {
    if (!set) return;
    Object.assign(this.table('vars'), set);
  }

  private setInject(id: string, patch: Partial<InjectState>) {
    const injects = this.table('injects');
    injects[id] = { ...injects[id]!, ...patch };
  }

  private setDecision(id: string, state: DecisionState) {
    this.table('decisions')[id] = state;
  }

  private fireInject(id: string, cause: InjectCause, seq?: number) {
    const state = this.context.injects[id];
    if (!state || state.status === 'fired') return;
    if (state.status === 'scheduled') this.cancels.push(`inject:${id}`);
    this.setInject(id, { status: 'fired', firedAt: this.context.now, cause, ...(seq !== undefined ? { seq } : {}) });
    this.setVars(this.index.injects.get(id)!.set);
  }

  /** A scheduled or triggered inject's time has come: it fires, unless its `unless` holds now. */
  private injectFallsDue(id: string) {
    if (this.index.injectUnless.get(id)?.(this.context)) return this.setInject(id, { status: 'skipped', skippedAt: this.context.now });
    return this.fireInject(id, this.index.injects.get(id)!.at === undefined ? 'trigger' : 'schedule');
  }

  scheduleInject(id: string, delay: number) {
    if (delay <= 0) return this.injectFallsDue(id);
    this.setInject(id, { status: 'scheduled', dueAt: this.context.now + delay });
    this.timer(`inject:${id}`, delay, { type: 'inject.due', inject: id, at: this.context.now + delay });
  }

  scheduleDecision(id: string, delay: number) {
    if (delay <= 0) return this.openDecision(id);
    this.setDecision(id, { status: 'scheduled', opensAt: this.context.now + delay });
    this.timer(`decision-open:${id}`, delay, { type: 'decision.opens', decision: id, at: this.context.now + delay });
  }

  private openDecision(id: string) {
    const decision = this.index.decisions.get(id)!;
    const state = this.context.decisions[id];
    if (state?.status === 'open' || state?.status === 'answered' || state?.status === 'timed-out') return;
    const now = this.context.now;
    const expiresAt = decision.timeLimit !== undefined ? now + decision.timeLimit : undefined;
    this.setDecision(id, { status: 'open', openedAt: now, ...(expiresAt !== undefined ? { expiresAt } : {}) });
    if (expiresAt !== undefined) this.timer(`decision:${id}`, decision.timeLimit!, { type: 'decision.expires', decision: id, at: expiresAt });
  }

  private answerDecision(id: string, optionId: string, by: string, status: 'answered' | 'timed-out', seq?: number) {
    const decision = this.index.decisions.get(id)!;
    const option = decision.options.find((o) => o.id === optionId)!;
    if (status === 'answered') this.cancels.push(`decision:${id}`);
    this.setDecision(id, Object.assign({}, this.context.decisions[id]!, { status, answeredAt: this.context.now, option: option.id, by }, seq !== undefined ? { seq } : {}));
    this.setVars(option.set);
    for (const inject of option.fires) this.fireInject(inject, 'decision');
  }

  private startDeadline(id: string, due: number) {
    if (this.context.deadlines[id]) return;
    const deadline: Deadline = { id, dueAt: due, passed: false };
    this.table('deadlines')[id] = deadline;
    this.timer(`deadline:${id}`, due - this.context.now, { type: 'deadline.passes', deadline: id, at: due });
  }

  /** When a milestone is reached, the deadlines measured from it start counting down. */
  private startDeadlinesFrom(from: Due['from']) {
    const { milestones, now } = this.context;
    const origins = { detectedAt: milestones.detected ?? now, containedAt: milestones.contained, responseDeadline: this.index.expectedLevel.responseDeadline };
    if (from === 'detection' && this.context.severity === null) this.startDeadline('severity', severityDeadlineAt(origins));
    for (const duty of this.index.duties) {
      if (duty.actions.some((a) => this.context.completed[a] !== undefined)) continue;
      // Deadlines from the severity deadline start counting at detection, like the severity's own.
      const starts = duty.due.from === from || (from === 'detection' && duty.due.from === 'severity-deadline');
      if (starts) this.startDeadline(`duty:${duty.id}`, deadlineAt(duty.due, origins)!);
    }
  }

  /** Fires every trigger whose condition now holds, until nothing changes. */
  settle(): void {
    if (this.context.ended) return;
    for (let round = 0; round < 1000; round++) {
      this.changed = false;
      for (const { inject, when } of this.index.triggeredInjects) {
        if (this.context.injects[inject.id]?.status === 'pending' && when(this.context)) this.scheduleInject(inject.id, inject.delay ?? 0);
      }
      for (const { decision, when } of this.index.triggeredDecisions) {
        if (this.context.decisions[decision.id]?.status === 'waiting' && when(this.context)) this.scheduleDecision(decision.id, decision.delay ?? 0);
      }
      for (const { milestone, when } of this.index.milestoneRules) {
        // Milestones are reached in order: stop at the first one not reached.
        if (this.context.milestones[milestone] !== undefined) continue;
        if (!when(this.context)) break;
        this.table('milestones')[milestone] = this.context.now;
        this.raised.push({ type: `milestone.${milestone}` });
        if (milestone === 'detected') this.startDeadlinesFrom('detection');
        if (milestone === 'contained') this.startDeadlinesFrom('containment');
      }
      if (this.context.completeAt === null && this.index.endWhen?.(this.context)) {
        this.set('completeAt', this.context.now);
        this.raised.push({ type: 'session.completed' });
      }
      if (!this.changed) return;
    }
    throw new Error(`scenario ${this.index.scenario.id}: triggers did not settle after 1000 rounds`);
  }
}
