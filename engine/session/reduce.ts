import { MILESTONES, type Scalar } from '../format/common.js';
import type { Due } from '../format/plan.js';
import type { ActionInProgress, InjectCause, SessionContext } from './context.js';
import type { ScenarioIndex } from './scenario-index.js';
import type { SessionEvent, TimerRequest } from './events.js';
import { eventTime } from './events.js';
import { holds } from './conditions.js';

export interface Reduction {
  context: SessionContext;
  timers: TimerRequest[];
  cancels: string[];
}

/**
 * The whole of the session's logic as one pure function: an event and the context before it
 * give the context after it and the timers to set or cancel. The XState machine calls it and
 * owns the timers; tests and replay get the same answer every time.
 */
export function reduce(index: ScenarioIndex, before: SessionContext, event: SessionEvent): Reduction {
  // An ended session takes nothing more: late timers (an action still under way) do not count.
  if (before.ended) return { context: before, timers: [], cancels: [] };
  const work = new Work(index, { ...before, now: eventTime(event) });
  work.apply(event);
  work.settle();
  return { context: work.context, timers: work.timers, cancels: work.cancels };
}

/** The timers a session sets when it starts: scheduled injects and decisions, and the time limit. */
export function startTimers(index: ScenarioIndex, context: SessionContext): Reduction {
  const work = new Work(index, context);
  for (const inject of index.scenario.injects) if (inject.at !== undefined) work.scheduleInject(inject.id, inject.at);
  for (const decision of index.scenario.decisions) if (decision.at !== undefined) work.scheduleDecision(decision.id, decision.at);
  work.timer('time-limit', index.scenario.end.timeLimit, { type: 'session.time-limit', at: index.scenario.end.timeLimit });
  work.settle();
  return { context: work.context, timers: work.timers, cancels: work.cancels };
}

class Work {
  timers: TimerRequest[] = [];
  cancels: string[] = [];
  constructor(
    private readonly index: ScenarioIndex,
    public context: SessionContext,
  ) {}

  private update(patch: Partial<SessionContext>) {
    this.context = { ...this.context, ...patch };
  }

  timer(id: string, delay: number, event: TimerRequest['event']) {
    this.timers.push({ id, delay, event });
  }

  apply(event: SessionEvent): void {
    const c = this.context;
    switch (event.type) {
      case 'clock.speed':
        return this.update({ speed: event.speed });
      case 'clock.paused':
        return this.update({ paused: true });
      case 'clock.resumed':
        return this.update({ paused: false });
      case 'clock.jumped':
        return;
      case 'observation.noted':
        return this.update({ observations: c.observations + 1 });
      case 'action.taken': {
        const action = this.index.actions.get(event.action)!;
        const progress: ActionInProgress = { seq: event.seq, action: action.id, role: event.actor, takenAt: c.now, completesAt: c.now + action.duration };
        if (action.duration === 0) return this.completeAction(progress);
        this.update({ inProgress: [...c.inProgress, progress] });
        return this.timer(`action:${event.seq}`, action.duration, { type: 'action.completes', seq: event.seq, at: progress.completesAt });
      }
      case 'action.completes': {
        const progress = c.inProgress.find((p) => p.seq === event.seq);
        if (!progress) return;
        this.update({ inProgress: c.inProgress.filter((p) => p !== progress) });
        return this.completeAction(progress);
      }
      case 'severity.declared': {
        const declaration = { level: event.level, at: c.now, by: event.actor, seq: event.seq };
        this.update({ severity: declaration, firstSeverity: c.firstSeverity ?? declaration });
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
        return this.fireInject(event.inject, this.index.injects.get(event.inject)!.at === undefined ? 'trigger' : 'schedule');
      case 'inject.released':
        this.cancels.push(`inject:${event.inject}`);
        return this.fireInject(event.inject, 'released', event.seq);
      case 'inject.held':
        this.cancels.push(`inject:${event.inject}`);
        return this.setInject(event.inject, { status: 'held', seq: event.seq });
      case 'deadline.passes': {
        const deadline = c.deadlines[event.deadline];
        if (!deadline) return;
        return this.update({ deadlines: { ...c.deadlines, [deadline.id]: { ...deadline, passed: true } } });
      }
      case 'session.time-limit':
        return this.end('the scenario time limit was reached');
      case 'session.ended':
        return this.end(event.reason ?? 'ended by the facilitator');
    }
  }

  private end(reason: string) {
    if (this.context.ended) return;
    // Actions still under way never complete: cancel their timers with everything else.
    this.update({ ended: { at: this.context.now, reason } });
  }

  private completeAction(progress: ActionInProgress) {
    const c = this.context;
    if (c.completed[progress.action] === undefined) this.update({ completed: { ...c.completed, [progress.action]: c.now } });
    for (const effect of this.index.effectsByAction.get(progress.action) ?? []) {
      this.setVars(effect.set);
      for (const inject of effect.fires) this.fireInject(inject, 'action');
    }
    for (const duty of this.index.duties) if (duty.actions.includes(progress.action)) this.markDeadlineMet(`duty:${duty.id}`);
  }

  private markDeadlineMet(id: string) {
    const deadline = this.context.deadlines[id];
    if (!deadline || deadline.passed) return;
    // Met before it passed: the countdown stops.
    this.cancels.push(`deadline:${id}`);
    const { [id]: _met, ...rest } = this.context.deadlines;
    this.update({ deadlines: rest });
  }

  private setVars(set: Record<string, Scalar> | undefined) {
    if (!set) return;
    this.update({ vars: { ...this.context.vars, ...set } });
  }

  private setInject(id: string, patch: Partial<SessionContext['injects'][string]>) {
    this.update({ injects: { ...this.context.injects, [id]: { ...this.context.injects[id]!, ...patch } } });
  }

  private fireInject(id: string, cause: InjectCause, seq?: number) {
    const state = this.context.injects[id];
    if (!state || state.status === 'fired') return;
    if (state.status === 'scheduled') this.cancels.push(`inject:${id}`);
    this.setInject(id, { status: 'fired', firedAt: this.context.now, cause, ...(seq !== undefined ? { seq } : {}) });
    this.setVars(this.index.injects.get(id)!.set);
  }

  scheduleInject(id: string, delay: number) {
    if (delay <= 0) return this.fireInject(id, this.index.injects.get(id)!.at === undefined ? 'trigger' : 'schedule');
    this.setInject(id, { status: 'scheduled', dueAt: this.context.now + delay });
    this.timer(`inject:${id}`, delay, { type: 'inject.due', inject: id, at: this.context.now + delay });
  }

  scheduleDecision(id: string, delay: number) {
    if (delay <= 0) return this.openDecision(id);
    this.update({ decisions: { ...this.context.decisions, [id]: { status: 'scheduled' } } });
    this.timer(`decision-open:${id}`, delay, { type: 'decision.opens', decision: id, at: this.context.now + delay });
  }

  private openDecision(id: string) {
    const decision = this.index.decisions.get(id)!;
    const state = this.context.decisions[id];
    if (state?.status === 'open' || state?.status === 'answered' || state?.status === 'timed-out') return;
    const now = this.context.now;
    const expiresAt = decision.timeLimit !== undefined ? now + decision.timeLimit : undefined;
    this.update({ decisions: { ...this.context.decisions, [id]: { status: 'open', openedAt: now, ...(expiresAt !== undefined ? { expiresAt } : {}) } } });
    if (decision.timeLimit !== undefined) this.timer(`decision:${id}`, decision.timeLimit, { type: 'decision.expires', decision: id, at: expiresAt! });
  }

  private answerDecision(id: string, optionId: string, by: string, status: 'answered' | 'timed-out', seq?: number) {
    const decision = this.index.decisions.get(id)!;
    const option = decision.options.find((o) => o.id === optionId)!;
    const before = this.context.decisions[id]!;
    if (status === 'answered') this.cancels.push(`decision:${id}`);
    this.update({
      decisions: { ...this.context.decisions, [id]: { ...before, status, answeredAt: this.context.now, option: option.id, by, ...(seq !== undefined ? { seq } : {}) } },
    });
    this.setVars(option.set);
    for (const inject of option.fires) this.fireInject(inject, 'decision');
  }

  private startDeadline(id: string, due: number) {
    if (this.context.deadlines[id]) return;
    this.update({ deadlines: { ...this.context.deadlines, [id]: { id, dueAt: due, passed: false } } });
    this.timer(`deadline:${id}`, due - this.context.now, { type: 'deadline.passes', deadline: id, at: due });
  }

  /** When a milestone is reached, the deadlines measured from it start counting down. */
  private startDeadlinesFrom(from: Due['from']) {
    const now = this.context.now;
    const severityDue = (this.context.milestones.detected ?? now) + this.index.expectedLevel.responseDeadline;
    if (from === 'detection' && this.context.severity === null) this.startDeadline('severity', severityDue);
    for (const duty of this.index.duties) {
      if (this.dutyDone(duty.actions)) continue;
      if (duty.due.from === from) this.startDeadline(`duty:${duty.id}`, now + duty.due.within);
      if (from === 'detection' && duty.due.from === 'severity-deadline') this.startDeadline(`duty:${duty.id}`, severityDue + duty.due.within);
    }
  }

  private dutyDone(actions: string[]) {
    return actions.some((a) => this.context.completed[a] !== undefined);
  }

  /** Fires every trigger whose condition now holds, until nothing changes. */
  settle(): void {
    if (this.context.ended) return;
    for (let round = 0; round < 1000; round++) {
      const before = this.context;
      for (const inject of this.index.triggeredInjects) {
        if (this.context.injects[inject.id]?.status !== 'pending' || !holds(inject.when!, this.context)) continue;
        this.scheduleInject(inject.id, inject.delay ?? 0);
      }
      for (const decision of this.index.triggeredDecisions) {
        if (this.context.decisions[decision.id]?.status !== 'waiting' || !holds(decision.when!, this.context)) continue;
        this.scheduleDecision(decision.id, decision.delay ?? 0);
      }
      for (const [i, milestone] of MILESTONES.entries()) {
        if (this.context.milestones[milestone] !== undefined) continue;
        if (i > 0 && this.context.milestones[MILESTONES[i - 1]!] === undefined) break;
        if (!holds(this.index.scenario.milestones[milestone].when, this.context)) break;
        this.update({ milestones: { ...this.context.milestones, [milestone]: this.context.now } });
        if (milestone === 'detected') this.startDeadlinesFrom('detection');
        if (milestone === 'contained') this.startDeadlinesFrom('containment');
      }
      const end = this.index.scenario.end.when;
      if (this.context.completeAt === null && end && holds(end, this.context)) this.update({ completeAt: this.context.now });
      if (this.context === before) return;
    }
    throw new Error(`scenario ${this.index.scenario.id}: triggers did not settle after 1000 rounds`);
  }
}
