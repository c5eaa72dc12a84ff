import type { Plan } from '../format/plan.js';
import type { Scenario } from '../format/scenario.js';
import type { Milestone } from '../format/common.js';
import { scriptedWallTime } from '../session/play-script.js';
import { Session, SessionRefusal } from '../session/session.js';
import { scoreSession } from '../scoring/score.js';
import type { Scorecard } from '../scoring/scorecard.js';
import type { JournalInput } from '../session/journal.js';

// The studio's Preview: the draft played in the page by the pure engine, from T+0 to its time
// limit, either with nobody answering (what the scenario does on its own) or with a team that
// does what the scenario expects (each inject's expected actions as it arrives, the expected
// severity at the first inject, the best option of each decision): so the author sees the
// timeline the players would see, and a scorecard, before saving.

export type PreviewTeam = 'none' | 'expected';

export interface PreviewEvent {
  at: number;
  kind: 'inject' | 'skipped' | 'decision' | 'milestone' | 'action' | 'severity' | 'end';
  id: string;
  text: string;
}

export interface Preview {
  events: PreviewEvent[];
  timeLimit: number;
  endedAt: number;
  scorecard: Scorecard;
}

/** At most this many steps of the clock: a draft whose triggers loop cannot hang the page. */
const MAX_STEPS = 5_000;

export function previewDraft(plan: Plan, scenario: Scenario, team: PreviewTeam): Preview {
  const session = Session.start({ plan, scenario, sessionId: `preview.${scenario.id}`, mode: 'scripted', speed: 600, wallTime: scriptedWallTime(scenario, 0) });
  const wall = (at: number) => scriptedWallTime(scenario, at);
  const events: PreviewEvent[] = [];
  const seen = new Set<string>();
  const actions = new Map(plan.actions.map((action) => [action.id, action]));
  const record = (input: JournalInput, actor: string) => {
    try {
      session.record(input, { simTime: session.now, wallTime: wall(session.now), actor });
      return true;
    } catch (error) {
      if (error instanceof SessionRefusal) return false;
      throw error;
    }
  };
  const respond = () => {
    const context = session.context;
    for (const inject of scenario.injects) {
      const state = context.injects[inject.id]!;
      if (state.status !== 'fired' || seen.has(`answered:${inject.id}`)) continue;
      seen.add(`answered:${inject.id}`);
      if (context.severity === null && record({ type: 'severity.declared', level: scenario.expectedSeverity }, plan.severityDeclaredBy[0]!)) {
        events.push({ at: session.now, kind: 'severity', id: String(scenario.expectedSeverity), text: `Severity ${scenario.expectedSeverity} declared` });
      }
      for (const id of inject.expects) {
        const action = actions.get(id);
        if (!action || seen.has(`action:${id}`)) continue;
        seen.add(`action:${id}`);
        if (record({ type: 'action.taken', action: id }, action.roles[0]!)) events.push({ at: session.now, kind: 'action', id, text: `${action.title} (taken)` });
      }
    }
    for (const decision of scenario.decisions) {
      const state = session.context.decisions[decision.id]!;
      if (state.status !== 'open') continue;
      const best = decision.options.find((option) => option.quality === 'best') ?? decision.options[0]!;
      record({ type: 'decision.answered', decision: decision.id, option: best.id }, decision.role);
    }
  };
  const collect = () => {
    const context = session.context;
    for (const inject of scenario.injects) {
      const state = context.injects[inject.id]!;
      if (state.status === 'fired' && !seen.has(`inject:${inject.id}`)) {
        seen.add(`inject:${inject.id}`);
        events.push({ at: state.firedAt ?? session.now, kind: 'inject', id: inject.id, text: inject.title });
      }
      if (state.status === 'skipped' && !seen.has(`skipped:${inject.id}`)) {
        seen.add(`skipped:${inject.id}`);
        events.push({ at: state.skippedAt ?? session.now, kind: 'skipped', id: inject.id, text: `${inject.title} (skipped: its "unless" held)` });
      }
    }
    for (const decision of scenario.decisions) {
      const state = context.decisions[decision.id]!;
      if (state.openedAt !== undefined && !seen.has(`decision:${decision.id}`)) {
        seen.add(`decision:${decision.id}`);
        events.push({ at: state.openedAt, kind: 'decision', id: decision.id, text: decision.prompt });
      }
    }
    for (const [milestone, at] of Object.entries(context.milestones) as [Milestone, number][]) {
      if (seen.has(`milestone:${milestone}`)) continue;
      seen.add(`milestone:${milestone}`);
      events.push({ at, kind: 'milestone', id: milestone, text: `The incident is ${milestone}` });
    }
  };
  const limit = scenario.end.timeLimit;
  for (let step = 0; step < MAX_STEPS && !session.context.ended; step++) {
    collect();
    if (team === 'expected') {
      respond();
      collect();
    }
    const next = session.nextDueAt();
    session.advanceTo(next === undefined || next <= session.now ? limit : next, wall);
    if (next === undefined && session.now >= limit) break;
  }
  collect();
  if (!session.context.ended) session.advanceTo(limit, wall);
  const ended = session.context.ended;
  if (ended) events.push({ at: ended.at, kind: 'end', id: 'end', text: `The exercise ends (${ended.reason})` });
  events.sort((a, b) => a.at - b.at);
  return { events, timeLimit: limit, endedAt: ended?.at ?? session.now, scorecard: scoreSession(session) };
}
