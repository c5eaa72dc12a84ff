import { MILESTONES } from '../format/common.js';
import type { Session } from '../session/session.js';
import { PAUSE_CAUSE_WORDS } from '../session/journal.js';
import type { Take } from './facts.js';
import { toMinutes } from './minutes.js';
import { clockText } from '../format/time-text.js';
import type { TimelineEntry, TimelineKind } from './scorecard.js';

// Entries at the same simulated time read in cause-and-effect order.
const ORDER: Record<TimelineKind, number> = {
  session: 0, clock: 1, 'action-completed': 2, 'deadline-passed': 3, inject: 4, 'decision-opened': 5, 'decision-timed-out': 5,
  milestone: 6, 'action-taken': 7, severity: 8, 'decision-answered': 9, observation: 10,
};

/** Everything that happened, in simulated-time order: the journal's inputs and what the engine derived from them. */
export function buildTimeline(session: Session, takes: Take[], endAt: number): TimelineEntry[] {
  const { index, journal, context } = session;
  const rows: (TimelineEntry & { ms: number; order: number })[] = [];
  const add = (ms: number, kind: TimelineKind, title: string, actor: string | null, seq: number | null, ref: string | null) =>
    rows.push({ ms, order: ORDER[kind], atMinutes: toMinutes(ms), kind, title, actor, seq, ref });

  for (const e of journal) {
    switch (e.type) {
      case 'session.started': add(e.simTime, 'session', `Session started (${e.mode})`, e.actor, e.seq, null); break;
      case 'session.ended': add(e.simTime, 'session', `Session ended${e.reason ? `: ${e.reason}` : ''}`, e.actor, e.seq, null); break;
      case 'session.renamed': add(e.simTime, 'session', `Session renamed "${e.name}"`, e.actor, e.seq, null); break;
      case 'clock.speed': add(e.simTime, 'clock', `Clock speed set to ${e.speed}x`, e.actor, e.seq, null); break;
      case 'clock.paused': add(e.simTime, 'clock', `Clock paused${e.cause ? ` ${PAUSE_CAUSE_WORDS[e.cause]}` : ''}`, e.actor, e.seq, null); break;
      case 'clock.resumed': add(e.simTime, 'clock', 'Clock resumed', e.actor, e.seq, null); break;
      case 'clock.jumped': add(e.simTime, 'clock', `Clock jumped forward from ${clockText(e.from)}`, e.actor, e.seq, null); break;
      case 'action.taken': add(e.simTime, 'action-taken', index.actions.get(e.action)!.title, e.actor, e.seq, e.action); break;
      case 'severity.declared': add(e.simTime, 'severity', `Severity ${e.level} declared (${index.levels.get(e.level)?.name ?? ''})`, e.actor, e.seq, String(e.level)); break;
      case 'decision.answered': {
        const decision = index.decisions.get(e.decision)!;
        add(e.simTime, 'decision-answered', `${decision.prompt} → ${decision.options.find((o) => o.id === e.option)?.label ?? e.option}`, e.actor, e.seq, e.decision);
        break;
      }
      case 'inject.released': add(e.simTime, 'clock', `Inject ${e.inject} released by hand`, e.actor, e.seq, e.inject); break;
      case 'inject.held': add(e.simTime, 'clock', `Inject ${e.inject} held back`, e.actor, e.seq, e.inject); break;
      case 'inject.resumed': add(e.simTime, 'clock', `Inject ${e.inject} put back on its schedule`, e.actor, e.seq, e.inject); break;
      case 'observation.noted': add(e.simTime, 'observation', e.text, e.actor, e.seq, e.objective ?? e.inject ?? null); break;
    }
  }
  for (const take of takes) if (take.completed) add(take.completesAt, 'action-completed', `${take.action.title} completed`, take.role, take.seq, take.action.id);
  for (const [id, state] of Object.entries(context.injects)) {
    if (state.firedAt !== undefined) add(state.firedAt, 'inject', index.injects.get(id)!.title, null, state.seq ?? null, id);
  }
  for (const [id, state] of Object.entries(context.decisions)) {
    const decision = index.decisions.get(id)!;
    if (state.openedAt !== undefined) add(state.openedAt, 'decision-opened', decision.prompt, decision.role, null, id);
    if (state.status === 'timed-out') add(state.answeredAt!, 'decision-timed-out', `${decision.prompt} → no answer in time; default: ${decision.options.find((o) => o.id === state.option)?.label}`, null, null, id);
  }
  for (const milestone of MILESTONES) {
    const at = context.milestones[milestone];
    if (at !== undefined) add(at, 'milestone', `Milestone: ${milestone}`, null, null, milestone);
  }
  for (const deadline of Object.values(context.deadlines)) {
    if (deadline.passed) add(deadline.dueAt, 'deadline-passed', `Deadline passed: ${deadline.id.replace(/^duty:/, 'duty ')}`, null, null, deadline.id);
  }
  if (context.ended && !journal.some((e) => e.type === 'session.ended')) add(endAt, 'session', `Session ended: ${context.ended.reason}`, null, null, null);
  rows.sort((a, b) => a.ms - b.ms || a.order - b.order || (a.seq ?? 0) - (b.seq ?? 0));
  return rows.map(({ ms: _ms, order: _order, ...entry }) => entry);
}
